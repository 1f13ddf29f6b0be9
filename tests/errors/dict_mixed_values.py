def main(argv):
    ages = {"ann": 31}
    ages["bob"] = "unknown"
    print(len(ages))
    return 0
