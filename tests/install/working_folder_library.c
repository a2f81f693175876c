/* Stands in for a shared library that a Patrol executable needs, copied under that library's name
 * into the folder the executable runs in. A loader that searches the working folder (an empty
 * entry in the executable's RUNPATH does) takes it instead of the system's copy: its constructor
 * then says so and ends the process before main. */
#include <stdio.h>
#include <unistd.h>

__attribute__((constructor)) static void loadedFromWorkingFolder(void) {
    fputs("loaded a library from the working folder\n", stderr);
    _exit(97);
}
