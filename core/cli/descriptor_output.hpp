// A stream buffer that writes to a file descriptor and remembers why a write failed. Standard
// output goes through one for every command, so that output lost to a full disk or a file size
// limit is noticed (main.cpp) rather than ending in exit status 0; WriteBehindBuffer builds on it.
#pragma once

#include <streambuf>
#include <vector>

namespace patrol::cli {

class DescriptorOutput : public std::streambuf {
public:
    // `fd` stays open and owned by the caller.
    explicit DescriptorOutput(int fd);
    ~DescriptorOutput() override;
    DescriptorOutput(const DescriptorOutput&) = delete;
    DescriptorOutput& operator=(const DescriptorOutput&) = delete;

    // errno of the first write that failed, or 0. Nothing is written after it: the stream fails.
    int failure() const { return failure_; }

protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int_type overflow(int_type c) override;
    int sync() override;
    // Called after every write that reached the descriptor.
    virtual void written() {}
    int fd() const { return fd_; }

private:
    bool drain();                            // writes what is buffered
    bool writeOut(const char* s, size_t n);  // straight to the descriptor

    int fd_;
    int failure_ = 0;
    std::vector<char> buffer_;
};

}  // namespace patrol::cli
