// What the first write to a fresh page of memory costs this machine at the moment, and what
// follows from it: whether large buffers are worth laying out in 2 MiB (transparent huge) pages.
//
// On most of the virtual machines measured a fresh 4 KiB page costs 1.6-2.5 µs when it was freed
// a moment ago, and there huge pages gain nothing (they are taken from memory the machine had
// handed back to its host: 5.8-9.3 µs per 4 KiB of them, bench/README.md). On the AMD EPYC
// machine of bench/README.md ("Where the AMD machine loses its time") every fresh 4 KiB page
// costs 12-24 µs, and it still costs about 10 µs when populated ahead (MADV_POPULATE_WRITE): the
// hypervisor fills in its own page table at the first write from user space, page by page. A
// huge page is filled in once for 512 of them, about 0.5 µs per 4 KiB once memory is reused.
#pragma once

namespace patrol::data {

// A few pages of a new mapping written once each, a fraction of a millisecond in all.
double freshPageMicroseconds();

// Whether huge pages pay, given what a fresh 4 KiB page costs: at 5 µs or more, as much as its
// share of a huge page taken from memory handed back to the host at worst.
bool hugePagesPayOff(double microsecondsPerPage);

// Whether huge pages pay in this process: decided by one probe, the first time it is asked,
// unless a test has decided it. PodBuffers of 1 MiB or more ask it, and so do the commands that
// start again with glibc's heap in huge pages, so a process probes once whichever asks first.
bool hugePagesPayHere();

enum class HugePages { Probe, Always, Never };
void decideHugePages(HugePages how);  // for tests; Probe restores the default

}  // namespace patrol::data
