def main(argv):
    d = {"a": 1}
    print(d.get("a", default=0))
    return 0
