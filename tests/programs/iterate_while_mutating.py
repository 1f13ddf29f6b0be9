# A for loop over a list sees items appended during the loop; range() is evaluated once.


def main(argv):
    lst = [1]
    for x in lst:
        if x < 6:
            lst.append(x + 1)
    print(lst)
    nums = [0, 0, 0, 0]
    i = 0
    for v in nums:
        if i + 1 < len(nums):
            nums[i + 1] = v + 10
        i += 1
    print(nums)
    s = "ab"
    for c in s:
        s = s + c
    print(s)
    r = 3
    for k in range(r):
        r = r + 1
    print(r)
    words = ["a"]
    out = [w + "!" for w in words]
    words.append("b")
    print(out, words)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
