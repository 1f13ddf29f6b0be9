# rpy-test: env RPY_IMPORT_TIMEOUT=1
def settle():
    while True: pass

settle()

def main(argv):
    return 0
