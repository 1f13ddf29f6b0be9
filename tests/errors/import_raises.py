LIMITS = {"low": 1}

def limit(name):
    return LIMITS[name]

HIGH = limit("high")

def main(argv):
    return 0
