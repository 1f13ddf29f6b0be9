; Closures: counters that share or own their state, and a tail-recursive loop that
; calls them (N iterations, 10000 by default).
(define (make-counter step)
  (let ((count 0))
    (lambda ()
      (set! count (+ count step))
      count)))

(define (make-accumulator)
  (define total 0)
  (define (add! x) (set! total (+ total x)) total)
  add!)

(define a (make-counter 1))
(define b (make-counter 3))
(define acc (make-accumulator))

(define (loop i)
  (cond ((= i 0) 'done)
        (else
         (a)
         (if (= (remainder i 2) 0) (b))
         (acc (remainder i 7))
         (loop (- i 1)))))

(display (loop (arg 10000))) (newline)
(display (list (a) (b) (acc 0))) (newline)

(define (compose f g) (lambda (x) (f (g x))))
(define add1 (lambda (x) (+ x 1)))
(define double (lambda (x) (* x 2)))
(display ((compose add1 double) 20)) (newline)
(display ((compose double add1) 20)) (newline)
(display (and 1 2 #f 3)) (display " ") (display (or #f 5)) (newline)
(display (quotient -17 5)) (display " ") (display (remainder -17 5)) (newline)
