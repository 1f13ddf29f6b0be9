class Config:
    _immutable_fields_ = ["size"]

    def __init__(self, size):
        self.size = size

def main(argv):
    c = Config(3)
    c.size = 4
    print(c.size)
    return 0
