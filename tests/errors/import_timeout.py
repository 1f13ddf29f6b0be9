# rpy-test: env RPY_IMPORT_TIMEOUT=1
def settle():
    n = 0
    while True:
        n += 1

settle()

def main(argv):
    return 0
