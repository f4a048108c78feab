break all_ready
continue
info threads
thread 2
bt
thread 3
bt
thread 1
bt
continue
