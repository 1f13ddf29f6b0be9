Quick variant of loops (bench quick mode): one outer pass of three middle passes
instead of eight of two hundred and fifty; prints three stars and a newline

>>>>++++++[>>+++++++<<-]++[>>>+++++<<<-]<<<<+[>+++[>++++++++
++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++
++++++++++++++++++++++++++++++++[>>>++++++++++[<<++++++++++>
>-]<<[->+<]>[-<+>]<[->+<]>[-<+>]<[-]<-]>>>>.<<<<<-]>>>>>>.<<
<<<<<-]
