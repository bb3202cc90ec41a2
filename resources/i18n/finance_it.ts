<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AtRiskPanel</name>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="100"/>
        <source>Customers at risk</source>
        <translation>Clienti a rischio</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="102"/>
        <source>Accounts whose credit does not cover the agreed amounts (VAT included) of their accepted and in-progress requests: completing that work puts them in credit exhaustion. The shortfall is the top-up that avoids it.</source>
        <translation>Conti il cui credito non copre gli importi concordati (IVA inclusa) delle richieste accettate e in lavorazione: concludere quel lavoro li porta in esaurimento del credito. L&apos;importo scoperto è la ricarica che lo evita.</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="106"/>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="106"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="106"/>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="106"/>
        <source>Open work</source>
        <translation>Lavoro aperto</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="107"/>
        <source>Shortfall</source>
        <translation>Scoperto</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="107"/>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="108"/>
        <source>Show the open work</source>
        <translation>Mostra il lavoro aperto</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="109"/>
        <source>Statement…</source>
        <translation>Estratto conto…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/at_risk_panel.py" line="172"/>
        <source>open work of %1</source>
        <translation>lavoro aperto di %1</translation>
    </message>
</context>
<context>
    <name>ChargeDialog</name>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="69"/>
        <source>Charge %1</source>
        <extracomment>how long the dialog waits for the worker to store a document (seconds)</extracomment>
        <translation>Addebito %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="72"/>
        <source>Charge document</source>
        <translation>Documento di addebito</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="73"/>
        <source>&amp;Refund…</source>
        <translation>&amp;Storna…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="79"/>
        <source>Document:</source>
        <translation>Documento:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="99"/>
        <source>Document being prepared…</source>
        <translation>Documento in preparazione…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="123"/>
        <source>%1 charged %2 on %3 (net %4 + VAT %5)</source>
        <translation>%1 addebitata %2 il %3 (imponibile %4 + IVA %5)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="128"/>
        <source>refunded %1</source>
        <translation>stornati %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="138"/>
        <source>Credit note %1</source>
        <translation>Nota di credito %1</translation>
    </message>
</context>
<context>
    <name>ChargesReportDialog</name>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="121"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="121"/>
        <source>Category</source>
        <translation>Tipologia di intervento</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="122"/>
        <source>Technician</source>
        <translation>Tecnico</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="122"/>
        <source>Month</source>
        <translation>Mese</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="128"/>
        <source>Charges report</source>
        <translation>Report addebiti</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="129"/>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="130"/>
        <source>Grouped by:</source>
        <translation>Raggruppato per:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="131"/>
        <source>Language:</source>
        <translation>Lingua:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="132"/>
        <source>&amp;Show</source>
        <translation>&amp;Mostra</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../ui/finance/charts.py" line="109"/>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charts.py" line="110"/>
        <source>Save this chart as a PNG image</source>
        <translation>Salva questo grafico come immagine PNG</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charts.py" line="215"/>
        <source>Save the chart</source>
        <translation>Salva il grafico</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charts.py" line="216"/>
        <source>PNG images (*.png)</source>
        <translation>Immagini PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charts.py" line="218"/>
        <source>The file cannot be written.</source>
        <translation>Il file non può essere scritto.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="261"/>
        <source>unassigned</source>
        <translation>non assegnata</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="95"/>
        <source>Dashboard</source>
        <extracomment>the technician and customer under a ceiling bar&apos;s number, elided to this width (the panel is a third of the dashboard; Qt Charts gives its axis labels about this much)</extracomment>
        <translation>Cruscotto</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="97"/>
        <source>Open requests by age</source>
        <translation>Richieste aperte per anzianità</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="98"/>
        <source>Quotes expired unanswered and expiring</source>
        <translation>Preventivi scaduti senza risposta e in scadenza</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="99"/>
        <source>Hourly work against its ceiling</source>
        <translation>Lavoro a consumo orario rispetto al tetto concordato</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="100"/>
        <source>Charged per month (net, €)</source>
        <translation>Addebitato per mese (imponibile, €)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="101"/>
        <source>Quote outcomes per month</source>
        <translation>Esiti dei preventivi per mese</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="102"/>
        <source>Open workload per technician</source>
        <translation>Carico di lavoro aperto per tecnico</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="148"/>
        <source>under 1 day</source>
        <translation>meno di 1 giorno</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="148"/>
        <source>1-3 days</source>
        <translation>1-3 giorni</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="148"/>
        <source>3-7 days</source>
        <translation>3-7 giorni</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="149"/>
        <source>over 7 days</source>
        <translation>oltre 7 giorni</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="165"/>
        <source>%1, open for %2</source>
        <translation>%1, aperte da %2</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="175"/>
        <source>%1 open</source>
        <translation>%1 aperte</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="190"/>
        <source>Quotes expired unanswered on %1</source>
        <translation>Preventivi scaduti senza risposta il %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="191"/>
        <source>Quotes expiring on %1</source>
        <translation>Preventivi in scadenza il %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="200"/>
        <source>Expired unanswered</source>
        <translation>Scaduti senza risposta</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="202"/>
        <source>Expiring</source>
        <translation>In scadenza</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="204"/>
        <source>today</source>
        <translation>oggi</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="209"/>
        <source>%1 within 7 days</source>
        <translation>%1 entro 7 giorni</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="224"/>
        <source>below 80 %</source>
        <translation>sotto l&apos;80 %</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="224"/>
        <source>80-100 %</source>
        <translation>80-100 %</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="224"/>
        <source>over 100 %</source>
        <translation>oltre il 100 %</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="237"/>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 di %2 (%3 %)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="252"/>
        <source>%1 in progress · %2 near · %3 over</source>
        <translation>%1 in lavorazione · %2 vicine · %3 oltre</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="289"/>
        <source>Charged in %1: %2</source>
        <translation>Addebitato in %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="303"/>
        <source>%1 this month</source>
        <translation>%1 questo mese</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="315"/>
        <source>Accepted</source>
        <translation>Accettati</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="315"/>
        <source>Rejected</source>
        <translation>Rifiutati</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="316"/>
        <source>Expired</source>
        <translation>Scaduti</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="325"/>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="335"/>
        <source>Acceptance rate</source>
        <translation>Tasso di accettazione</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="351"/>
        <source>acceptance %1 %</source>
        <translation>accettazione %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="376"/>
        <source>%1 people</source>
        <translation>%1 persone</translation>
    </message>
    <message>
        <location filename="../../ui/finance/dashboard.py" line="307"/>
        <source>plus VAT, charged with the work</source>
        <translation>più IVA, addebitata con il lavoro</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="89"/>
        <source>&amp;Print…</source>
        <translation>&amp;Stampa…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="90"/>
        <source>Export &amp;PDF…</source>
        <translation>Esporta &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="91"/>
        <source>Export &amp;CSV…</source>
        <translation>Esporta &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="92"/>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="106"/>
        <location filename="../../ui/finance/report_dialogs.py" line="81"/>
        <source>Preparing the document…</source>
        <translation>Preparazione del documento…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="123"/>
        <source>The document cannot be made.</source>
        <translation>Il documento non può essere preparato.</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="152"/>
        <source>The printer cannot be used.</source>
        <translation>La stampante non può essere usata.</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="158"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="162"/>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="167"/>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="184"/>
        <source>The file cannot be written: %1</source>
        <translation>Il file non può essere scritto: %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/document_dialog.py" line="38"/>
        <source>Saved %1</source>
        <extracomment>the dialog&apos;s message once a file is saved (not an error)</extracomment>
        <translation>Salvato %1</translation>
    </message>
</context>
<context>
    <name>DrillBar</name>
    <message>
        <location filename="../../ui/finance/drill_bar.py" line="43"/>
        <source>Back to the dashboard</source>
        <translation>Torna al cruscotto</translation>
    </message>
    <message>
        <location filename="../../ui/finance/drill_bar.py" line="44"/>
        <source>Show the whole queue</source>
        <translation>Mostra tutta la coda</translation>
    </message>
    <message>
        <location filename="../../ui/finance/drill_bar.py" line="53"/>
        <source>Dashboard: %1</source>
        <translation>Cruscotto: %1</translation>
    </message>
</context>
<context>
    <name>InvoicesWindow</name>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="65"/>
        <source>Invoices and credit notes</source>
        <translation>Fatture e note di credito</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="69"/>
        <source>&amp;From:</source>
        <translation>&amp;Dal:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="71"/>
        <source>&amp;To:</source>
        <translation>&amp;Al:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="76"/>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="76"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="76"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="77"/>
        <source>Net</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="77"/>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="77"/>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="78"/>
        <source>For</source>
        <translation>Rif.</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="78"/>
        <source>Files</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="95"/>
        <source>Save &amp;PDF…</source>
        <extracomment>what the selected document&apos;s files wait for, in words</extracomment>
        <translation>Salva &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="98"/>
        <source>Save &amp;XML…</source>
        <translation>Salva &amp;XML…</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="101"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aggiorna</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="107"/>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="190"/>
        <source>%1 waits for the customer&apos;s %2: its number is kept, and the worker makes its files once they are set (customers panel, Fiscal data…).</source>
        <translation>%1 attende dal cliente %2: il numero resta assegnato e il worker ne crea i file quando sono indicati (pannello clienti, Dati fiscali…).</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="219"/>
        <source>The worker is making its files: Refresh in a moment.</source>
        <translation>Il worker ne sta creando i file: Aggiorna tra un momento.</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="174"/>
        <source>No invoice or credit note was issued in this period.</source>
        <translation>Nessuna fattura o nota di credito emessa nel periodo.</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="183"/>
        <source>stored</source>
        <translation>archiviati</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="185"/>
        <source>being prepared</source>
        <translation>in preparazione</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="186"/>
        <source>waiting for fiscal data</source>
        <translation>attende i dati fiscali</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="232"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documenti PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="233"/>
        <source>FatturaPA files (*.xml)</source>
        <translation>File FatturaPA (*.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="234"/>
        <source>Save %1</source>
        <translation>Salva %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/invoices_window.py" line="250"/>
        <source>The file cannot be written: %1</source>
        <translation>Il file non può essere scritto: %1</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="195"/>
        <source>Refund %1</source>
        <translation>Storno di %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="198"/>
        <source>Charged:</source>
        <translation>Addebitato:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="198"/>
        <source>%1 (net %2 + VAT %3)</source>
        <translation>%1 (imponibile %2 + IVA %3)</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="200"/>
        <source>Refunded so far:</source>
        <translation>Già stornato:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="201"/>
        <source>Net that can be refunded:</source>
        <translation>Imponibile ancora stornabile:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="204"/>
        <source>all that is left: %1</source>
        <translation>tutto il residuo: %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="215"/>
        <source>&amp;Net to refund:</source>
        <translation>&amp;Imponibile da stornare:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="216"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Causale:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="217"/>
        <source>&amp;Refund</source>
        <translation>&amp;Storna</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="245"/>
        <location filename="../../ui/finance/charge_dialog.py" line="260"/>
        <source>Enter a net amount greater than zero and not above what can be refunded.</source>
        <translation>Inserisci un imponibile maggiore di zero e non superiore a quanto si può stornare.</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="249"/>
        <source>%1 net + VAT %2 = %3 back to the customer&apos;s credit.</source>
        <translation>%1 di imponibile + IVA %2 = %3 restituiti al credito del cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/finance/charge_dialog.py" line="262"/>
        <source>A reason is required.</source>
        <translation>La causale è obbligatoria.</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="176"/>
        <source>The customer&apos;s</source>
        <translation>Quella del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="179"/>
        <source>Credit statement %1</source>
        <translation>Estratto conto %1</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="180"/>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="181"/>
        <source>Language:</source>
        <translation>Lingua:</translation>
    </message>
    <message>
        <location filename="../../ui/finance/report_dialogs.py" line="182"/>
        <source>&amp;Show</source>
        <translation>&amp;Mostra</translation>
    </message>
</context>
</TS>
