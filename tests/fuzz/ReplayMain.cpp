// The fuzz targets without libFuzzer (ordinary build, ctest FuzzReplay_<target>): every file under the directories
// given (committed seeds and the inputs of crashes found and fixed) goes to LLVMFuzzerTestOneInput, then, for every
// selector, valid documents nested 100000 levels deep (arrays, objects, a Home Assistant event and an event stream
// carrying one, YAML flow nesting under a key): each must be read or refused, never overflow the stack. Exit 1 when a
// seed directory holds no file (a regressions directory may be empty).
#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int hlcFuzzSelectorCount();

namespace {

constexpr int kDeep = 100000;

void feed(const QByteArray& bytes)
{
    (void)LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.constData()),
                                 static_cast<size_t>(bytes.size()));
}

QByteArray nestedArrays(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

QByteArray nestedObjects(int depth)
{
    QByteArray out;
    out.reserve(depth * 6 + 2);
    for (int i = 0; i < depth; ++i)
        out += "{\"a\":";
    out += "1";
    out += QByteArray(depth, '}');
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    int files = 0;
    for (int i = 1; i < argc; ++i) {
        const QString dir = QString::fromLocal8Bit(argv[i]);
        int here = 0;
        QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(f.fileName()));
                return 1;
            }
            feed(f.readAll());
            ++here;
        }
        if (here == 0 && !dir.contains(QLatin1String("regressions"))) {
            std::fprintf(stderr, "no input in %s\n", argv[i]);
            return 1;
        }
        files += here;
    }
    const QByteArray deep[] = {
        nestedArrays(kDeep), nestedObjects(kDeep), "data: " + nestedArrays(kDeep) + "\n\n",
        "{\"id\":3,\"type\":\"event\",\"event\":{\"a\":{\"x.y\":{\"s\":\"on\",\"a\":" + nestedObjects(kDeep) + "}}}}",
        "services: " + nestedArrays(kDeep)};
    int deepFed = 0;
    const int selectors = hlcFuzzSelectorCount();
    for (int s = 0; s < selectors; ++s) {
        for (const QByteArray& d : deep) {
            feed(QByteArray(1, static_cast<char>('0' + s)) + d);
            ++deepFed;
        }
    }
    std::printf("replayed %d files and %d documents nested %d levels deep (%d selectors)\n", files, deepFed, kDeep,
                selectors);
    return 0;
}
