def pair():
    return (1, "a")

def main(argv):
    if pair():
        print("yes")
    return 0
