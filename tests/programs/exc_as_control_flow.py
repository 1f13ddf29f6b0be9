# Exceptions used as control flow: leaving nested loops by raising, caught frames up.


def find_pair(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                raise IndexError("found " + str(i) + " " + str(j))
    return -1


def search(nums, target):
    try:
        return find_pair(nums, target)
    except IndexError as e:
        print(e)
        return 1


def walk(grid, w, start):
    pos = start
    steps = 0
    try:
        while True:
            pos = grid[pos]
            steps += 1
            if steps > 2 * w:
                raise ValueError("cycle")
    except IndexError:
        return steps
    except ValueError:
        return -steps
    finally:
        print("walked from", start)


def main(argv):
    nums = [3, 9, -4, 7, 12, 0]
    print(search(nums, 8), search(nums, 100), search(nums, 3), search([], 0))
    grid = [1, 2, 3, 9, 0]
    for s in range(5):
        print(walk(grid, 5, s))
    loop = [1, 2, 0]
    print(walk(loop, 3, 0))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
