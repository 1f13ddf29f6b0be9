# Translated by tests/errors.rs with RPY_FORCE_PANIC=helper: annotating `helper` panics,
# and rpy must report an internal error naming it (not a Rust panic message).
def helper(x):
    return x + 1

def main(argv):
    print(helper(len(argv)))
    return 0
