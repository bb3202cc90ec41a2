<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts that qtbase_it.qm (shipped with PySide6, loaded by ui/i18n.py) leaves
     in English: Qt 6 gave the file dialog's labels mnemonics, and its Italian catalogue
     still has only the old texts ("Look in:", "Files of type:"), and the kinds of file in
     its Type column moved to QAbstractFileIconProvider. Written by hand: no
     sources, so packaging/build_translations.py leaves it as it is and only compiles it;
     loaded after qtbase_it, it fills only these gaps. -->
<TS version="2.1" language="it_IT">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Cerca in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>File di &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Cartella</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Cartella di file</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>File %1</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Unità</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Collegamento</translation>
    </message>
</context>
</TS>
