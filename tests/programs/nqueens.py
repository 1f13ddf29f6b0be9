# Count the solutions of the n-queens problem by backtracking on flat lists.


def safe(cols, row, col):
    for r in range(row):
        c = cols[r]
        if c == col or abs(c - col) == row - r:
            return False
    return True


def solve(n, row, cols):
    if row == n:
        return 1
    count = 0
    for col in range(n):
        if safe(cols, row, col):
            cols[row] = col
            count = count + solve(n, row + 1, cols)
    return count


def first_solution(n, row, cols):
    if row == n:
        return True
    for col in range(n):
        if safe(cols, row, col):
            cols[row] = col
            if first_solution(n, row + 1, cols):
                return True
    return False


def board(n):
    cols = []
    for i in range(n):
        cols.append(0)
    return cols


def main(argv):
    for n in range(1, 9):
        print(n, "queens:", solve(n, 0, board(n)))
    cols = board(8)
    if first_solution(8, 0, cols):
        print(cols)
        for r in range(8):
            line = ""
            for c in range(8):
                if cols[r] == c:
                    line = line + "Q "
                else:
                    line = line + ". "
            print(line)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
