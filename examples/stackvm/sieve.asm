# Sieve of Eratosthenes on an array: prints the number of primes below N
# (30000 by default) and the largest one.
func sieve n
    load n
    newarray
    store composite
    push 0
    store count
    push 0
    store last
    push 2
    store i
outer:
    load i
    load n
    lt
    jump_if_false finished
    load composite
    load i
    aget
    jump_if_true next
    load count
    push 1
    add
    store count
    load i
    store last
    load i
    load i
    mul
    store j
inner:
    load j
    load n
    lt
    jump_if_false next
    load composite
    load j
    push 1
    aset
    load j
    load i
    add
    store j
    jump inner
next:
    load i
    push 1
    add
    store i
    jump outer
finished:
    load count
    print
    load last
    ret

func main
    arg 30000
    call sieve
    print
    push 0
    ret
