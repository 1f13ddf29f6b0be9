# Conway's Game of Life on a small wrapping board stored as a flat list.


def make_board(w, h):
    b = []
    for i in range(w * h):
        b.append(0)
    return b


def step(board, w, h):
    nxt = make_board(w, h)
    for y in range(h):
        for x in range(w):
            n = 0
            for dy in range(-1, 2):
                for dx in range(-1, 2):
                    if dx != 0 or dy != 0:
                        xx = (x + dx) % w
                        yy = (y + dy) % h
                        n = n + board[yy * w + xx]
            alive = board[y * w + x]
            if alive == 1 and (n == 2 or n == 3):
                nxt[y * w + x] = 1
            elif alive == 0 and n == 3:
                nxt[y * w + x] = 1
    return nxt


def show(board, w, h):
    for y in range(h):
        line = ""
        for x in range(w):
            if board[y * w + x]:
                line = line + "#"
            else:
                line = line + "."
        print(line)


def population(board):
    n = 0
    for c in board:
        n = n + c
    return n


def main(argv):
    w = 12
    h = 10
    board = make_board(w, h)
    # a glider and a blinker
    board[0 * w + 1] = 1
    board[1 * w + 2] = 1
    board[2 * w + 0] = 1
    board[2 * w + 1] = 1
    board[2 * w + 2] = 1
    board[6 * w + 7] = 1
    board[6 * w + 8] = 1
    board[6 * w + 9] = 1
    show(board, w, h)
    for gen in range(1, 25):
        board = step(board, w, h)
        print("generation", gen, "population", population(board))
        if gen % 6 == 0:
            show(board, w, h)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
