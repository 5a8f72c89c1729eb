// Build tool: renders the app's SVG icon to the PNG sizes of the hicolor icon theme, through Qt's own SVG icon
// engine (libqt6svg6), so that the installed PNGs are the SVG the window shows, and no converter package is needed.
//   hlc-render-icons ICON.svg OUTDIR SIZE...   writes OUTDIR/<S>x<S>/apps/homelab-control.png for each size
#include <QDir>
#include <QGuiApplication>
#include <QIcon>
#include <QImage>

#include <cstdio>

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: hlc-render-icons ICON.svg OUTDIR SIZE...\n");
        return 2;
    }
    const QIcon icon(args.at(1));
    if (icon.isNull() || icon.availableSizes().isEmpty() && icon.pixmap(16).isNull()) {
        std::fprintf(stderr, "hlc-render-icons: cannot render %s (is libqt6svg6 installed?)\n",
                     qPrintable(args.at(1)));
        return 1;
    }
    for (qsizetype i = 3; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0) {
            std::fprintf(stderr, "hlc-render-icons: not a size: %s\n", qPrintable(args.at(i)));
            return 2;
        }
        QImage image = icon.pixmap(QSize(size, size), 1.0).toImage();
        if (image.size() != QSize(size, size))
            image = image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        if (!QDir().mkpath(dir) || !image.save(dir + QStringLiteral("/homelab-control.png"))) {
            std::fprintf(stderr, "hlc-render-icons: cannot write %s\n", qPrintable(dir));
            return 1;
        }
    }
    return 0;
}
