state = 0

def reset():
    global state
    state = "idle"

def main(argv):
    reset()
    print(state)
    return 0
