Nested counting loops: three loops of 255 iterations each (cells wrap at 256)
with some arithmetic on four cells in the innermost one; then prints those
cells as raw bytes and a newline (a long running program for measuring the JIT)
+[                 c0: 255 iterations
  >+[              c1: 255 iterations
    >+[            c2: 255 iterations
      >+++>++>+>-  c3 += 3; c4 += 2; c5 += 1; c6 -= 1
      <<<<+        back to c2 and count
    ]
  <+]
<+]
>>>.>.>.>.         print c3 to c6
>++++++++++.       newline
