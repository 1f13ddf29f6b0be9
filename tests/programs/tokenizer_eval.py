# A character-by-character arithmetic evaluator over strs.
DIGITS = "0123456789"


def digit_value(c):
    i = 0
    for d in DIGITS:
        if d == c:
            return i
        i += 1
    return -1


def evaluate(src):
    # shunting-free: left to right with * and / binding tighter than + and -
    total = 0
    term = 0
    num = 0
    op = "+"
    termop = "*"
    have_term = False
    i = 0
    while i <= len(src):
        c = " "
        if i < len(src):
            c = src[i]
        d = digit_value(c)
        if d >= 0:
            num = num * 10 + d
        elif c == " " and i < len(src):
            pass
        else:
            if not have_term:
                term = num
                have_term = True
            elif termop == "*":
                term = term * num
            else:
                if num == 0:
                    raise ZeroDivisionError("division by zero in " + src)
                term = term // num
            num = 0
            if c == "*" or c == "/":
                termop = c
            else:
                if op == "+":
                    total += term
                else:
                    total -= term
                have_term = False
                op = c
        i += 1
    return total


def main(argv):
    for e in ["1+2*3", "10/3*3", "2*3*4-5", "100", "7-8-9", "12 * 12 - 4 / 2", "5/0+1", "0*0"]:
        try:
            print(e, "=", evaluate(e))
        except ZeroDivisionError as err:
            print(e, "->", err)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
