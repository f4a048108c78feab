break main
continue
bt
info registers
x/8i $pc
continue
