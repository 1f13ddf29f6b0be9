def span(n):
    return range(n)

def main(argv):
    for i in span(3):
        print(i)
    return 0
