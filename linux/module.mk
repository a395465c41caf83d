LINUX_SRCS := linux/main.c linux/start.c linux/sys_table.c linux/sys_file.c linux/sys_mem.c linux/sys_proc.c \
              linux/sys_time.c linux/sys_signal.c linux/sig_frame.c linux/sys_fs.c linux/sys_path.c linux/sys_strace.c \
              linux/sys_net.c linux/sys_poll.c linux/sys_id.c linux/sys_ownfd.c \
              linux/run.c linux/crash.c linux/sys_thread.c linux/sys_exec.c linux/safe_syscall.S
SRCS += $(LINUX_SRCS)
# Sanitizer builds (SAN_CFLAGS, see the Makefile): the runtime's options.
ifneq ($(SAN_CFLAGS),)
SRCS += linux/sanitize.c
$(B)/linux/sanitize.o: CFLAGS += -DRVDBT_SAN_REPORTS='"$(abspath $(B))/san-reports"'
endif
