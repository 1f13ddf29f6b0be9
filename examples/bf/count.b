Loop counter: nested counting loops that move a value back and forth with
transfer loops (minus right plus left); prints a star per outer pass

>>>++++++[>>+++++++<<-]++[>>>+++++<<<-]<<<++++++++[>++++++++
++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
++++++++++++++++++++++++++++++++[>>>++++++++++[<<++++++++++>
>-]<<[->+<]>[-<+>]<[->+<]>[-<+>]<[-]<-]>>>>.<<<<<-]>>>>>>.
