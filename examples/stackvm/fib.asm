# Recursive Fibonacci through call/ret; prints fib(0..N) (N = 20 by default).
func fib n
    load n
    push 2
    lt
    jump_if_false recurse
    load n
    ret
recurse:
    load n
    push 1
    sub
    call fib
    load n
    push 2
    sub
    call fib
    add
    ret

func main
    arg 20
    store n
    push 0
    store i
loop:
    load i
    load n
    le
    jump_if_false done
    load i
    call fib
    print
    load i
    push 1
    add
    store i
    jump loop
done:
    push 0
    ret
