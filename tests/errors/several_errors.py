def add(a, b):
    return a + b

def shout(s):
    return s.upper() + 1

def main(argv):
    n = add(1, 2, 3)
    print(shout("hi"))
    names = ["a", "b"]
    names.append(3)
    print(undefined_helper(argv))
    return 0
