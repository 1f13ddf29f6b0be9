Quick variant of loops: one outer pass instead of eight (bench quick mode)
Benchmark sized loop counter (the count example with one more nesting level)
too slow for CPython in the tests (they do not run files in this folder)
prints a star per middle pass and a newline per outer pass

>>>>++++++[>>+++++++<<-]++[>>>+++++<<<-]<<<<+[>++++++
++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
++++[>++++++++++++++++++++++++++++++++++++++++++++++++++++++
++++++++++++++++++++++++++++++++++++++++++++++[>>>++++++++++
[<<++++++++++>>-]<<[->+<]>[-<+>]<[->+<]>[-<+>]<[-]<-]>>>>.<<
<<<-]>>>>>>.<<<<<<<-]
