Nested counting loops: three loops of 255 iterations each (cells wrap at 256)
with some arithmetic on four cells in the innermost one; then prints those
cells as raw bytes and a newline (a long running program for measuring the JIT)
+[                 outer loop on cell 0 (255 iterations)
  >+[              middle loop on cell 1
    >+[            inner loop on cell 2
      >+++>++>+>-  add 3 to cell 3 and 2 to cell 4 and 1 to cell 5; subtract 1 from cell 6
      <<<<+        back to cell 2 and count
    ]
  <+]
<+]
>>>.>.>.>.         print cells 3 to 6
>++++++++++.       newline
