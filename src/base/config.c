#include "base/config.h"

struct config g_config = {.strace_fd = 2};
