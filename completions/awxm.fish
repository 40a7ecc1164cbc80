complete --keep-order --exclusive --command awxm --arguments "(COMPLETE=fish awxm -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
