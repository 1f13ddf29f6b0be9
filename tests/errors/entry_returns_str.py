def main(argv):
    return "done"
