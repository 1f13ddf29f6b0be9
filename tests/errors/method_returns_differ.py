class Animal:
    def sound(self):
        return "..."

class Counter(Animal):
    def sound(self):
        return 3

def main(argv):
    animals = [Animal(), Counter()]
    for a in animals:
        print(a.sound())
    return 0
