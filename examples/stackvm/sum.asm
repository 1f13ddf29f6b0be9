# Sum 1..N: the JIT's showcase loop (N from the command line, 100000 by default).
func main
    arg 100000
    store n
    push 0
    store acc
    push 1
    store i
loop:
    load i
    load n
    le
    jump_if_false done
    load acc
    load i
    add
    store acc
    load i
    push 1
    add
    store i
    jump loop
done:
    load acc
    print
    push 0
    ret
