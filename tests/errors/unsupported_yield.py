def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def main(argv):
    for x in numbers(3):
        print(x)
    return 0
