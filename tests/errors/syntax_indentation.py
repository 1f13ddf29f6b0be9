def main(argv):
    x = 1
      y = 2
    return 0
