def configure(**options):
    return 0

def main(argv):
    return configure(debug=True)
