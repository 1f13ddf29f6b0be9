def main(argv):
    ages = {"ann": 31}
    print(ages.get(argv[0], "unknown"))
    return 0
