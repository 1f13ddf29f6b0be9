def total(*values):
    return len(values)

def main(argv):
    print(total(1, 2, 3))
    return 0
