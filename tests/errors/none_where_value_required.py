def lookup_table(n):
    if n > 1:
        return {"a": 1}
    return None

def main(argv):
    table = lookup_table(len(argv))
    print(len(table))
    return 0
