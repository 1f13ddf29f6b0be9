; Recursive Fibonacci: (fib n) for n up to N (18 by default, or the command line's N).
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(define limit (arg 18))

(define (show-fibs i)
  (if (<= i limit)
      (begin
        (display "fib(") (display i) (display ") = ") (display (fib i)) (newline)
        (show-fibs (+ i 1)))))

(show-fibs (- limit 5))
