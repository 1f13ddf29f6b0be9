def main(argv, env):
    return 0
