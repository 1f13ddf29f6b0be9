import no_such_module_anywhere

def main(argv):
    return 0
