; Lists: build 1..N, reverse, map, filter and fold them (N = 1000 by default).
(define (range a b)
  (if (> a b) '() (cons a (range (+ a 1) b))))

(define (reverse-onto xs acc)
  (if (null? xs) acc (reverse-onto (cdr xs) (cons (car xs) acc))))
(define (reverse xs) (reverse-onto xs '()))

(define (map f xs)
  (if (null? xs) '() (cons (f (car xs)) (map f (cdr xs)))))

(define (filter keep? xs)
  (cond ((null? xs) '())
        ((keep? (car xs)) (cons (car xs) (filter keep? (cdr xs))))
        (else (filter keep? (cdr xs)))))

(define (fold f acc xs)
  (if (null? xs) acc (fold f (f acc (car xs)) (cdr xs))))

(define (length xs) (fold (lambda (n x) (+ n 1)) 0 xs))

(define (take xs n)
  (if (or (= n 0) (null? xs)) '() (cons (car xs) (take (cdr xs) (- n 1)))))

(define n (arg 1000))
(define numbers (range 1 n))
(display (take numbers 10)) (newline)
(display (take (reverse numbers) 10)) (newline)
(define squares (map (lambda (x) (* x x)) numbers))
(display (fold + 0 squares)) (newline)
(define evens (filter (lambda (x) (= (remainder x 2) 0)) numbers))
(display (length evens)) (newline)
(define (repeat k)
  (if (> k 0)
      (begin (fold + 0 (reverse (map (lambda (x) (* 3 x)) numbers))) (repeat (- k 1)))))
(repeat 5)
(display (list 'sum (fold + 0 numbers) "done" (cons 1 2) #t)) (newline)
(display (eq? 'a 'a)) (display (eq? '() '())) (display (pair? numbers)) (newline)
