/* The address-space syscalls sys_mem.c carries out on the mmu's region map
 * (see sys_impl.h for the X/U entry format). */
#ifndef SYS_MEM_H
#define SYS_MEM_H

#define SYS_MEM_LIST(X, U) \
    X(214, brk,             R_HEX, A_HEX) \
    X(215, munmap,          R_INT, A_HEX, A_SIZE) \
    X(216, mremap,          R_HEX, A_HEX, A_SIZE, A_SIZE, A_HEX, A_HEX) \
    X(222, mmap,            R_HEX, A_HEX, A_SIZE, A_PROT, A_MFLAGS, A_FD, A_LONG) \
    X(226, mprotect,        R_INT, A_HEX, A_SIZE, A_PROT) \
    X(227, msync,           R_INT, A_HEX, A_SIZE, A_HEX) \
    X(228, mlock,           R_INT, A_HEX, A_SIZE) \
    X(229, munlock,         R_INT, A_HEX, A_SIZE) \
    X(230, mlockall,        R_INT, A_HEX) \
    X(231, munlockall,      R_INT, A_NONE) \
    X(232, mincore,         R_INT, A_HEX, A_SIZE, A_PTR) \
    X(233, madvise,         R_INT, A_HEX, A_SIZE, A_INT) \
    X(283, membarrier,      R_INT, A_INT, A_HEX, A_INT) \
    X(284, mlock2,          R_INT, A_HEX, A_SIZE, A_HEX) \
    U(234, remap_file_pages) U(235, mbind) U(236, get_mempolicy) U(237, set_mempolicy) \
    U(238, migrate_pages) U(239, move_pages) U(282, userfaultfd) \
    U(288, pkey_mprotect) U(289, pkey_alloc) U(290, pkey_free) \
    U(440, process_madvise) U(447, memfd_secret) U(448, process_mrelease) \
    U(450, set_mempolicy_home_node) U(462, mseal) \
    U(186, msgget) U(187, msgctl) U(188, msgrcv) U(189, msgsnd) U(190, semget) \
    U(191, semctl) U(192, semtimedop) U(193, semop) U(194, shmget) U(195, shmctl) \
    U(196, shmat) U(197, shmdt)

#endif
