<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/dialogs/assign.py" line="53"/>
        <source>Assign %1</source>
        <extracomment>the combo&apos;s first item: nobody chosen yet</extracomment>
        <translation>Assegna %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assign.py" line="61"/>
        <source>Currently:</source>
        <translation>Ora:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assign.py" line="62"/>
        <source>Assign &amp;to:</source>
        <translation>Asse&amp;gna a:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assign.py" line="66"/>
        <source>&amp;Assign</source>
        <translation>A&amp;ssegna</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assign.py" line="83"/>
        <source>Unassigned</source>
        <translation>Non assegnata</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assign.py" line="88"/>
        <source>Nobody (unassign)</source>
        <translation>Nessuno (togli l&apos;assegnazione)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/assign.py" line="95"/>
        <source>%n open request(s)</source>
        <translation>
            <numerusform>%n richiesta aperta</numerusform>
            <numerusform>%n richieste aperte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assign.py" line="86"/>
        <source>Choose a person…</source>
        <translation>Scegli una persona…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/assign.py" line="103"/>
        <source>Choose who takes the request over.</source>
        <translation>Scegli a chi passare la richiesta.</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="88"/>
        <source>Export quote PDFs</source>
        <translation>Esporta i PDF dei preventivi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="98"/>
        <source>Sent &amp;from:</source>
        <translation>Inviati &amp;dal:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="100"/>
        <source>&amp;To:</source>
        <translation>a&amp;l:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="109"/>
        <source>Selected quotes:</source>
        <translation>Preventivi selezionati:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="113"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Sfoglia…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="124"/>
        <source>F&amp;older:</source>
        <translation>Ca&amp;rtella:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="132"/>
        <source>Into:</source>
        <translation>In:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="137"/>
        <source>%v of %m</source>
        <translation>%v di %m</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="139"/>
        <source>Sent quotes only: each PDF is the stored document the customer received.</source>
        <translation>Solo preventivi inviati: ogni PDF è il documento archiviato che il cliente ha ricevuto.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="143"/>
        <location filename="../../ui/dialogs/batch_export.py" line="187"/>
        <source>&amp;Export</source>
        <translation>&amp;Esporta</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_export.py" line="197"/>
        <source>&amp;Export %n PDF(s)</source>
        <translation>
            <numerusform>&amp;Esporta %n PDF</numerusform>
            <numerusform>&amp;Esporta %n PDF</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_export.py" line="198"/>
        <source>%n sent quote(s) to export: each PDF is the stored document the customer received.</source>
        <translation>
            <numerusform>%n preventivo inviato da esportare: ogni PDF è il documento archiviato che il cliente ha ricevuto.</numerusform>
            <numerusform>%n preventivi inviati da esportare: ogni PDF è il documento archiviato che il cliente ha ricevuto.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="203"/>
        <source>Export into folder</source>
        <translation>Esporta nella cartella</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="223"/>
        <source>Choose the folder to export into.</source>
        <translation>Scegli la cartella in cui esportare.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="227"/>
        <source>This is a file, not a folder.</source>
        <translation>Questo è un file, non una cartella.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="231"/>
        <source>The end of the period is before its start.</source>
        <translation>La fine del periodo è precedente all&apos;inizio.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="235"/>
        <source>Exporting…</source>
        <translation>Esportazione in corso…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="281"/>
        <source>Cancelled. PDFs exported before stopping: %1.</source>
        <translation>Annullata. PDF esportati prima dell&apos;interruzione: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="286"/>
        <source>PDFs exported: %1, into %2.</source>
        <translation>PDF esportati: %1, in %2.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="284"/>
        <source>No sent quote to export.</source>
        <translation>Nessun preventivo inviato da esportare.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="291"/>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="300"/>
        <source>The files cannot be written: %1</source>
        <translation>Impossibile scrivere i file: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_export.py" line="313"/>
        <source>Cancelling…</source>
        <translation>Annullamento in corso…</translation>
    </message>
</context>
<context>
    <name>CancelRequestDialog</name>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="44"/>
        <source>Cancel %1</source>
        <translation>Annulla %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="67"/>
        <source>The request is closed as cancelled and nothing is charged: the work logged stays on record, unbilled. A variation awaiting the customer is withdrawn. The customer is told the reason.</source>
        <translation>La richiesta viene chiusa come annullata e non si addebita nulla: il lavoro registrato resta agli atti, non fatturato. Una variazione in attesa del cliente viene ritirata. Al cliente viene comunicato il motivo.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="46"/>
        <source>&amp;Keep it open</source>
        <translation>&amp;Lascia aperta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="46"/>
        <location filename="../../ui/dialogs/cancel_request.py" line="140"/>
        <source>Cancel re&amp;quest</source>
        <translation>Annulla &amp;richiesta</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="47"/>
        <source>C&amp;harge the work done so far</source>
        <translation>Addebita il lavoro &amp;svolto finora</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="52"/>
        <source>Reading what the work done so far would charge…</source>
        <translation>Lettura dell&apos;addebito del lavoro svolto finora…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="62"/>
        <source>The request is closed as cancelled and the work done so far is charged to the customer&apos;s credit, as completing it would (the charge document is made). A variation awaiting the customer is withdrawn. The customer is told the reason and the amount.</source>
        <translation>La richiesta viene chiusa come annullata e il lavoro svolto finora viene addebitato sul credito del cliente come al completamento (con il documento di addebito). Una variazione in attesa del cliente viene ritirata. Al cliente vengono comunicati il motivo e l&apos;importo.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="77"/>
        <location filename="../../ui/dialogs/cancel_request.py" line="137"/>
        <source>Work logged: %1 h; charged: nothing.</source>
        <translation>Lavoro registrato: %1 h; addebitato: nulla.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="111"/>
        <source>%1 billable: %2 (net %3 + VAT %4); credit %5 → %6.</source>
        <translation>%1 fatturabili: %2 (imponibile %3 + IVA %4); credito %5 → %6.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="119"/>
        <source>Capped at the agreed %1.</source>
        <translation>Limitato all&apos;importo concordato di %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="122"/>
        <source>The customer&apos;s credit runs out.</source>
        <translation>Il credito del cliente si esaurisce.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="134"/>
        <source>Work logged: %1 h; charged: %2.</source>
        <translation>Lavoro registrato: %1 h; addebito: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="139"/>
        <source>Cancel and &amp;charge</source>
        <translation>Annulla e &amp;addebita</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/cancel_request.py" line="76"/>
        <source>No work logged; charged: nothing.</source>
        <translation>Nessun lavoro registrato; addebitato: nulla.</translation>
    </message>
</context>
<context>
    <name>CatalogueItemDialog</name>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="42"/>
        <source>Add to the price list</source>
        <translation>Aggiungi al listino</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="43"/>
        <source>Change %1</source>
        <translation>Modifica %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="47"/>
        <source>e.g. SSL-DV</source>
        <translation>es. SSL-DV</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="55"/>
        <source>fixed</source>
        <translation>a corpo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="56"/>
        <source>per hour</source>
        <translation>all&apos;ora</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="60"/>
        <source>any</source>
        <translation>tutte</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="67"/>
        <source>C&amp;ode:</source>
        <translation>C&amp;odice:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="68"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descrizione:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="69"/>
        <source>&amp;Price (€):</source>
        <translation>&amp;Prezzo (€):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="70"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Unità:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="71"/>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tegoria:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_item.py" line="75"/>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
</context>
<context>
    <name>CataloguePicker</name>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="41"/>
        <source>Price list</source>
        <translation>Listino</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="43"/>
        <source>Code or description</source>
        <translation>Codice o descrizione</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="45"/>
        <source>&amp;Search:</source>
        <translation>&amp;Cerca:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="47"/>
        <source>&amp;All categories</source>
        <translation>&amp;Tutte le categorie</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="48"/>
        <source>Also the items of other categories than %1</source>
        <translation>Anche le voci di categorie diverse da %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="58"/>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="58"/>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="58"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="59"/>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="59"/>
        <source>List price</source>
        <translation>Prezzo di listino</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="63"/>
        <source>Add &amp;line</source>
        <translation>Aggiungi &amp;riga</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="65"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="101"/>
        <source>per hour</source>
        <translation>all&apos;ora</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="101"/>
        <source>fixed</source>
        <translation>a corpo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="104"/>
        <source>any</source>
        <translation>tutte</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/catalogue_picker.py" line="114"/>
        <source>No item matches: try other words or all categories.</source>
        <translation>Nessuna voce corrisponde: prova altre parole o tutte le categorie.</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="50"/>
        <source>Complete %1</source>
        <translation>Completa %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="55"/>
        <source>Charge</source>
        <translation>Addebito</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="58"/>
        <source>Customer&apos;s prepaid credit</source>
        <translation>Credito prepagato del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="65"/>
        <source>Computing the charge…</source>
        <translation>Calcolo dell&apos;addebito…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="70"/>
        <source>Complete and c&amp;harge</source>
        <translation>Completa e a&amp;ddebita</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="123"/>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="124"/>
        <source>Hours logged:</source>
        <translation>Ore registrate:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="125"/>
        <source>Billable hours:</source>
        <translation>Ore fatturabili:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="126"/>
        <source>Rounding:</source>
        <translation>Arrotondamento:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="127"/>
        <source>each entry up to %1 minutes</source>
        <translation>ogni registrazione per eccesso a %1 minuti</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="129"/>
        <source>Hourly rate:</source>
        <translation>Tariffa oraria:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="130"/>
        <source>Work value:</source>
        <translation>Valore del lavoro:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="131"/>
        <source>Agreed ceiling:</source>
        <translation>Tetto concordato:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="140"/>
        <source>Agreed amount:</source>
        <translation>Importo concordato:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="141"/>
        <source>Net:</source>
        <translation>Imponibile:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="143"/>
        <source>Taken from the credit:</source>
        <translation>Addebitato sul credito:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="146"/>
        <source>VAT %1:</source>
        <translation>IVA %1:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="148"/>
        <source>Total charged:</source>
        <translation>Totale addebitato:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="151"/>
        <source>Before:</source>
        <translation>Prima:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="153"/>
        <source>After:</source>
        <translation>Dopo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="158"/>
        <source>Warning: the credit does not cover this charge. The account of %1 goes into credit exhaustion and the customer&apos;s services are suspended until a top-up covers the missing %2.</source>
        <translation>Attenzione: il credito non copre questo addebito. Il conto di %1 entra in esaurimento del credito e i servizi del cliente vengono sospesi finché una ricarica non copre i %2 mancanti.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="175"/>
        <source>The request cannot be completed now: %1</source>
        <translation>La richiesta non può essere completata ora: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/completion.py" line="134"/>
        <source>Capped: the work value exceeds the agreed ceiling, the ceiling is charged; %1 hours (%2) will not be charged.</source>
        <translation>Limitato: il valore del lavoro supera il tetto concordato, si addebita il tetto; %1 ore (%2) non saranno addebitate.</translation>
    </message>
</context>
<context>
    <name>CreditDialog</name>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="51"/>
        <source>Top-up for %1</source>
        <translation>Ricarica per %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="51"/>
        <source>Credit adjustment for %1</source>
        <translation>Rettifica del credito per %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="54"/>
        <source>Account</source>
        <translation>Conto</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="60"/>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="61"/>
        <source>Balance:</source>
        <translation>Saldo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="62"/>
        <source>Status:</source>
        <translation>Stato:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="63"/>
        <source>Missing amount:</source>
        <translation>Importo mancante:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="67"/>
        <source>e.g. 250.00</source>
        <translation>es. 250,00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="68"/>
        <source>e.g. -25.00 or 40.00</source>
        <translation>es. -25,00 oppure 40,00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="72"/>
        <source>Bank transfer, receipt... (optional)</source>
        <translation>Bonifico, ricevuta… (facoltativo)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="73"/>
        <source>Why the credit changes</source>
        <translation>Perché il credito cambia</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="85"/>
        <source>&amp;Amount (€):</source>
        <translation>&amp;Importo (€):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="86"/>
        <source>&amp;Amount (€, negative to reduce):</source>
        <translation>&amp;Importo (€, negativo per ridurre):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="88"/>
        <source>&amp;Reference:</source>
        <translation>&amp;Riferimento:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="88"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="92"/>
        <source>Balance after:</source>
        <translation>Saldo dopo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="95"/>
        <source>Record &amp;top-up</source>
        <translation>Registra ri&amp;carica</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="95"/>
        <source>Record a&amp;djustment</source>
        <translation>Registra r&amp;ettifica</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="156"/>
        <source>This covers the missing amount: the account leaves credit exhaustion and the customer&apos;s services restart.</source>
        <translation>Copre l&apos;importo mancante: il conto esce dall&apos;esaurimento del credito e i servizi del cliente ripartono.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="159"/>
        <source>Still %1 missing: the services stay suspended.</source>
        <translation>Mancano ancora %1: i servizi restano sospesi.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="162"/>
        <source>This puts the account into credit exhaustion: the customer&apos;s services are suspended until a top-up covers %1.</source>
        <translation>Il conto entra in esaurimento del credito: i servizi del cliente vengono sospesi finché una ricarica non copre %1.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="180"/>
        <source>Enter an amount greater than zero, with at most two decimals.</source>
        <translation>Inserisci un importo maggiore di zero, con al massimo due decimali.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="182"/>
        <source>Enter a non-zero amount, with at most two decimals.</source>
        <translation>Inserisci un importo diverso da zero, con al massimo due decimali.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/credit.py" line="185"/>
        <source>A reason is required.</source>
        <translation>Il motivo è obbligatorio.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../ui/dialogs/date_edit.py" line="62"/>
        <source>Type a date as day, month and year, e.g. %1.</source>
        <extracomment>what may be on the way to a date: digits, letters (a month&apos;s name), separators</extracomment>
        <translation>Scrivi una data come giorno, mese e anno, ad es. %1.</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <location filename="../../ui/dialogs/decline.py" line="21"/>
        <source>Decline %1</source>
        <translation>Non fattibile: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decline.py" line="23"/>
        <source>The request is not feasible. The customer is told the reason; open quotes are withdrawn.</source>
        <translation>La richiesta non è fattibile. Il motivo viene comunicato al cliente; i preventivi aperti vengono ritirati.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/decline.py" line="25"/>
        <source>&amp;Decline request</source>
        <translation>&amp;Dichiara non fattibile</translation>
    </message>
</context>
<context>
    <name>ExtendQuoteDialog</name>
    <message>
        <location filename="../../ui/dialogs/extend_quote.py" line="35"/>
        <source>Extend quote %1</source>
        <translation>Proroga il preventivo %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/extend_quote.py" line="36"/>
        <source>Quote %1, %2 total, valid until %3.</source>
        <translation>Preventivo %1, totale %2, valido fino al %3.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/extend_quote.py" line="41"/>
        <source>A new revision with the same lines and the new date is sent to the customer in its place (its PDF stored, as a send); this one is marked replaced.</source>
        <translation>Al suo posto viene inviata al cliente una nuova revisione con le stesse righe e la nuova data (il suo PDF archiviato, come in un invio); questa viene segnata come sostituita.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/extend_quote.py" line="53"/>
        <source>New &amp;validity date:</source>
        <translation>Nuova data di &amp;validità:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/extend_quote.py" line="57"/>
        <source>&amp;Extend and send</source>
        <translation>&amp;Proroga e invia</translation>
    </message>
</context>
<context>
    <name>FiscalDialog</name>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="36"/>
        <source>Fiscal data of %1</source>
        <translation>Dati fiscali di %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="43"/>
        <source>Customer:</source>
        <translation>Cliente:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="44"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="48"/>
        <source>&amp;VAT number:</source>
        <translation>Partita &amp;IVA:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="49"/>
        <source>&amp;Tax code:</source>
        <translation>&amp;Codice fiscale:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="50"/>
        <source>&amp;Recipient code (SDI):</source>
        <translation>Codice &amp;destinatario (SDI):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="50"/>
        <source>7 characters (6 for a PA)</source>
        <translation>7 caratteri (6 per una PA)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="51"/>
        <source>&amp;PEC:</source>
        <translation>P&amp;EC:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="52"/>
        <source>Str&amp;eet:</source>
        <translation>I&amp;ndirizzo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="53"/>
        <source>P&amp;ostcode:</source>
        <translation>CA&amp;P:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="54"/>
        <source>C&amp;ity:</source>
        <translation>Co&amp;mune:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="55"/>
        <source>Provi&amp;nce:</source>
        <translation>P&amp;rovincia:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="56"/>
        <source>Co&amp;untry:</source>
        <translation>Na&amp;zione:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/fiscal.py" line="66"/>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
</context>
<context>
    <name>NaturePicker</name>
    <message>
        <location filename="../../ui/dialogs/quote_nature.py" line="24"/>
        <source>Choose the nature…</source>
        <translation>Scegliere la natura…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_nature.py" line="32"/>
        <source>Na&amp;ture (0 % VAT):</source>
        <translation>Na&amp;tura (IVA 0 %):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_nature.py" line="34"/>
        <source>&amp;Legal reference:</source>
        <translation>Riferimento &amp;normativo:</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="62"/>
        <source>Quote PDF</source>
        <translation>PDF del preventivo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="63"/>
        <source>Loading the document…</source>
        <translation>Caricamento del documento…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="66"/>
        <source>Draft: a preview only. The document is stored when the quote is sent.</source>
        <translation>Bozza: solo un&apos;anteprima. Il documento viene archiviato quando il preventivo è inviato.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="76"/>
        <source>&amp;Print…</source>
        <translation>&amp;Stampa…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="79"/>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Esporta PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="83"/>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="110"/>
        <location filename="../../ui/dialogs/pdf_preview.py" line="112"/>
        <source>Quote %1</source>
        <translation>Preventivo %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="115"/>
        <source>sent on %1</source>
        <translation>inviato il %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="117"/>
        <source>valid until %1</source>
        <translation>valido fino al %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="124"/>
        <source>The document cannot be shown.</source>
        <translation>Impossibile mostrare il documento.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="138"/>
        <source>The PDF cannot be displayed (%1).</source>
        <translation>Impossibile visualizzare il PDF (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="172"/>
        <source>The printer cannot be used.</source>
        <translation>Impossibile usare la stampante.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="181"/>
        <source>Export PDF</source>
        <translation>Esporta PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="182"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pdf_preview.py" line="193"/>
        <source>The file cannot be written: %1</source>
        <translation>Impossibile scrivere il file: %1</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <location filename="../../ui/dialogs/priority.py" line="26"/>
        <source>Priority of %1</source>
        <translation>Priorità di %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/priority.py" line="34"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Priorità:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/priority.py" line="37"/>
        <source>&amp;Change</source>
        <translation>&amp;Cambia</translation>
    </message>
</context>
<context>
    <name>QuoteComposerDialog</name>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="95"/>
        <source>Quote for %1</source>
        <extracomment>asked before the quote goes to the customer, as in the main window (tests replace it) asks for a price-list item (tests may replace it; by default the picker) the signed-in user&apos;s role and the technicians&apos; sending limit, once read: above it a technician&apos;s &quot;Send&quot; becomes &quot;Submit for approval&quot;</extracomment>
        <translation>Preventivo per %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="134"/>
        <source>Shown on the quote (optional)</source>
        <translation>Riportate sul preventivo (facoltative)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="138"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="140"/>
        <source>&amp;VAT rate (%):</source>
        <translation>Aliquota &amp;IVA (%):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="142"/>
        <source>Valid &amp;until:</source>
        <translation>&amp;Valido fino al:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="144"/>
        <source>N&amp;otes:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="153"/>
        <source>Save &amp;draft</source>
        <translation>Salva &amp;bozza</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="156"/>
        <location filename="../../ui/dialogs/quote_composer.py" line="329"/>
        <source>S&amp;end to customer</source>
        <translation>Invia al &amp;cliente</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="208"/>
        <source>Hourly &amp;rate (€):</source>
        <translation>Tariffa &amp;oraria (€):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="210"/>
        <source>Estimated &amp;hours:</source>
        <translation>Or&amp;e stimate:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="214"/>
        <source>Indicative net total:</source>
        <translation>Imponibile indicativo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="254"/>
        <source>Quote %1 (draft)</source>
        <translation>Preventivo %1 (bozza)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="274"/>
        <source>You may send quotes up to %1 net; above that amount you submit them for a team lead&apos;s approval.</source>
        <translation>Puoi inviare preventivi fino a %1 di imponibile; oltre questo importo li invii in approvazione a un team leader.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="317"/>
        <source>Indicative final price: the work is billed by the hour in %1-minute increments, never above the agreed amount; any variation is communicated to and agreed with the customer first.</source>
        <translation>Prezzo finale indicativo: il lavoro si fattura a ore, a scatti di %1 minuti, mai oltre l&apos;importo concordato; ogni variazione viene prima comunicata e concordata con il cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="328"/>
        <source>Submit for &amp;approval</source>
        <translation>Invia in &amp;approvazione</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="372"/>
        <source>The validity date cannot be in the past.</source>
        <translation>La data di validità non può essere nel passato.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="374"/>
        <source>The validity date must be within a year.</source>
        <translation>La data di validità deve essere entro un anno.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="376"/>
        <source>Enter a VAT rate from 0 to 100, e.g. 22.</source>
        <translation>Inserisci un&apos;aliquota IVA da 0 a 100, es. 22.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="389"/>
        <source>Enter the hourly rate in euro, e.g. 60.00.</source>
        <translation>Inserisci la tariffa oraria in euro, es. 60,00.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="393"/>
        <source>Enter the estimated hours, e.g. 4 or 2.5.</source>
        <translation>Inserisci le ore stimate, es. 4 oppure 2,5.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="437"/>
        <source>Correct the fields marked in red.</source>
        <translation>Correggi i campi segnalati in rosso.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_composer.py" line="481"/>
        <source>The draft was saved but not sent: %1</source>
        <translation>La bozza è stata salvata ma non inviata: %1</translation>
    </message>
</context>
<context>
    <name>QuoteLinesEditor</name>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="56"/>
        <source>Description</source>
        <extracomment>the price-list code of a line picked from it, kept on its description cell &quot;From price list…&quot; was clicked price-list code -&gt; the lowest unit price this user may give it (a technician: the list price; empty for team leads and admins)</extracomment>
        <translation>Descrizione</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="56"/>
        <source>Quantity</source>
        <translation>Quantità</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="56"/>
        <source>Unit price</source>
        <translation>Prezzo unitario</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="57"/>
        <source>Amount</source>
        <translation>Importo</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="72"/>
        <source>&amp;Lines:</source>
        <translation>&amp;Righe:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="75"/>
        <source>&amp;Add line</source>
        <translation>Aggi&amp;ungi riga</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="78"/>
        <source>&amp;Remove line</source>
        <translation>Ri&amp;muovi riga</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="79"/>
        <source>Move u&amp;p</source>
        <translation>Sposta &amp;su</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="80"/>
        <source>Move do&amp;wn</source>
        <translation>Sposta &amp;giù</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="232"/>
        <source>Add at least one line with a description and a unit price.</source>
        <translation>Aggiungi almeno una riga con descrizione e prezzo unitario.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="235"/>
        <source>Line %1: enter a description.</source>
        <translation>Riga %1: inserisci una descrizione.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="244"/>
        <source>Line %1: the quantity must be a number greater than zero, with at most two decimals.</source>
        <translation>Riga %1: la quantità deve essere un numero maggiore di zero, con al massimo due decimali.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="249"/>
        <source>Line %1: the unit price must be an amount greater than zero, with at most two decimals.</source>
        <translation>Riga %1: il prezzo unitario deve essere un importo maggiore di zero, con al massimo due decimali.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="76"/>
        <source>From price l&amp;ist…</source>
        <translation>Da&amp;l listino…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="77"/>
        <source>Add a routine intervention at its list price</source>
        <translation>Aggiungi un intervento di routine al prezzo di listino</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="120"/>
        <source>From the price list: %1</source>
        <translation>Dal listino: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_lines.py" line="253"/>
        <source>Line %1: you may not price %2 below its list price %3.</source>
        <translation>Riga %1: non puoi prezzare %2 sotto il prezzo di listino %3.</translation>
    </message>
</context>
<context>
    <name>QuoteTotals</name>
    <message>
        <location filename="../../ui/dialogs/quote_totals.py" line="33"/>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_totals.py" line="35"/>
        <source>Net</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_totals.py" line="57"/>
        <source>VAT paid on the credit top-up: the completion takes the net from the credit.</source>
        <translation>IVA assolta sulla ricarica del credito: alla conclusione si addebita l&apos;imponibile sul credito.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_totals.py" line="69"/>
        <source>VAT %1</source>
        <translation>IVA %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/quote_totals.py" line="70"/>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/dialogs/reason.py" line="50"/>
        <source>Told to the customer</source>
        <translation>Comunicato al cliente</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason.py" line="53"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/reason.py" line="91"/>
        <source>A reason is required: the customer is told.</source>
        <translation>Il motivo è obbligatorio: viene comunicato al cliente.</translation>
    </message>
</context>
<context>
    <name>ReturnQuoteDialog</name>
    <message>
        <location filename="../../ui/dialogs/return_quote.py" line="35"/>
        <source>Return %1 to draft</source>
        <translation>Restituisci %1 in bozza</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_quote.py" line="42"/>
        <source>The quote goes back to draft, unsent. Whoever submitted it reads the reason on the request, changes the quote and submits it again.</source>
        <translation>Il preventivo torna in bozza, senza essere inviato. Chi lo ha inviato in approvazione legge il motivo sulla richiesta, modifica il preventivo e lo invia di nuovo in approvazione.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_quote.py" line="51"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_quote.py" line="55"/>
        <source>Return to &amp;draft</source>
        <translation>Restituisci in &amp;bozza</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_quote.py" line="73"/>
        <source>%1 · total %2 · submitted by %3</source>
        <translation>%1 · totale %2 · inviato in approvazione da %3</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/return_quote.py" line="88"/>
        <source>A reason is required: the technician reads it.</source>
        <translation>Il motivo è obbligatorio: lo legge il tecnico.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../ui/dialogs/base.py" line="259"/>
        <source>&amp;Cancel</source>
        <extracomment>a service call with what to do with its result and its error what a dialog leaves of its screen&apos;s available area (the window frame and some air) whether closing asks before discarding changed entries the entries as shown (None until shown or filled by what was read)</extracomment>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/base.py" line="290"/>
        <source>Close this dialog to reload the request, then try again.</source>
        <translation>Chiudi questa finestra per ricaricare la richiesta, poi riprova.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/base.py" line="293"/>
        <source>Unexpected error: %1</source>
        <translation>Errore imprevisto: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/base.py" line="410"/>
        <source>&amp;Retry now</source>
        <translation>&amp;Riprova ora</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/base.py" line="413"/>
        <source>The database cannot be reached: nothing was saved, and what you entered is kept. It is saved as soon as the database answers again, or retry now.</source>
        <translation>Il database non è raggiungibile: non è stato salvato nulla e quanto inserito resta qui. Viene salvato appena il database risponde di nuovo, oppure riprova ora.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/base.py" line="425"/>
        <source>The database answers again. The entries were changed since: save them again when they are ready.</source>
        <translation>Il database risponde di nuovo. I dati sono stati modificati nel frattempo: salvali di nuovo quando sono pronti.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/base.py" line="465"/>
        <source>Discard changes</source>
        <translation>Scartare le modifiche</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/base.py" line="466"/>
        <source>Close without saving? What you entered will be lost.</source>
        <translation>Chiudere senza salvare? Quanto inserito andrà perso.</translation>
    </message>
</context>
<context>
    <name>VariationDialog</name>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="39"/>
        <source>Propose a variation for %1</source>
        <translation>Proponi una variazione per %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="43"/>
        <source>e.g. 1500.00</source>
        <translation>es. 1500,00</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="48"/>
        <source>Told to the customer</source>
        <translation>Comunicato al cliente</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="51"/>
        <source>State the new agreed net amount, not the difference. It counts once the customer agrees; the charge at completion never exceeds it.</source>
        <translation>Indica il nuovo imponibile concordato, non la differenza. Vale quando il cliente lo accetta; l&apos;addebito al completamento non lo supera mai.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="56"/>
        <source>New agreed &amp;net amount (€):</source>
        <translation>Nuovo imponibile co&amp;ncordato (€):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="58"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="64"/>
        <source>&amp;Propose to customer</source>
        <translation>&amp;Proponi al cliente</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="83"/>
        <source>So far</source>
        <translation>Finora</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="92"/>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="93"/>
        <source>Current agreed amount:</source>
        <translation>Importo concordato attuale:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="94"/>
        <source>Hours logged:</source>
        <translation>Ore registrate:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="95"/>
        <source>Billable hours:</source>
        <translation>Ore fatturabili:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="96"/>
        <source>Work value so far:</source>
        <translation>Valore del lavoro finora:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="97"/>
        <source>Share of the agreed amount:</source>
        <translation>Quota dell&apos;importo concordato:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="134"/>
        <source>A variation to %1 is still awaiting the customer&apos;s answer: a new one can be proposed once it is answered.</source>
        <translation>Una variazione a %1 è ancora in attesa della risposta del cliente: se ne potrà proporre una nuova dopo la risposta.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="148"/>
        <source>Enter an amount in euro greater than zero, with at most two decimals.</source>
        <translation>Inserisci un importo in euro maggiore di zero, con al massimo due decimali.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="151"/>
        <source>A reason is required.</source>
        <translation>Il motivo è obbligatorio.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/variation.py" line="98"/>
        <source>Not charged (over the ceiling):</source>
        <translation>Non addebitate (oltre il tetto):</translation>
    </message>
</context>
<context>
    <name>WithdrawVariationDialog</name>
    <message>
        <location filename="../../ui/dialogs/withdraw_variation.py" line="26"/>
        <source>Withdraw the variation of %1</source>
        <translation>Ritira la variazione di %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withdraw_variation.py" line="28"/>
        <source>The customer is told that the variation is withdrawn, and why. The agreed amount stays as it was; a new variation can be proposed afterwards.</source>
        <translation>Al cliente viene comunicato che la variazione è ritirata, e perché. L&apos;importo concordato resta quello di prima; in seguito si può proporre una nuova variazione.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withdraw_variation.py" line="30"/>
        <source>&amp;Withdraw variation</source>
        <translation>&amp;Ritira variazione</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withdraw_variation.py" line="36"/>
        <source>No variation is awaiting the customer.</source>
        <translation>Nessuna variazione è in attesa del cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/withdraw_variation.py" line="39"/>
        <source>Proposed on %1 by %2: new agreed amount %3 net (%4).</source>
        <translation>Proposta il %1 da %2: nuovo importo concordato %3 imponibile (%4).</translation>
    </message>
</context>
<context>
    <name>WorkEntryDialog</name>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="47"/>
        <source>Edit work on %1</source>
        <translation>Modifica lavoro su %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="48"/>
        <source>Log work on %1</source>
        <translation>Registra lavoro su %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="57"/>
        <source>h:mm, e.g. 1:30</source>
        <translation>h:mm, es. 1:30</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="61"/>
        <source>What was done (optional)</source>
        <translation>Cosa è stato fatto (facoltativo)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="65"/>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="67"/>
        <source>D&amp;uration:</source>
        <translation>D&amp;urata:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="69"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="78"/>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="78"/>
        <source>&amp;Log work</source>
        <translation>&amp;Registra lavoro</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/work_entry.py" line="100"/>
        <source>Enter the duration as h:mm (e.g. 1:30), more than zero and at most 24 hours.</source>
        <translation>Inserisci la durata come h:mm (es. 1:30), maggiore di zero e al massimo 24 ore.</translation>
    </message>
</context>
</TS>
