<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt" sourcelanguage="en">
<context>
    <name>AlertDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="60"/>
        <source>Add an alert</source>
        <translation>Adicionar um alerta</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="81"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="82"/>
        <source>&amp;Alert:</source>
        <translation>&amp;Alerta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="83"/>
        <source>A&amp;uthorised by:</source>
        <translation>A&amp;utorizado por:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="84"/>
        <source>Active &amp;from:</source>
        <translation>Ativo &amp;desde:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="85"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentário:</translation>
    </message>
</context>
<context>
    <name>AllocateDialog</name>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="34"/>
        <source>Allocate to an activity</source>
        <translation>Atribuir uma atividade</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="40"/>
        <source>Put on the &amp;waiting list instead</source>
        <translation>Pôr na &amp;lista de espera</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="44"/>
        <source>&amp;Activity:</source>
        <translation>&amp;Atividade:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="45"/>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/allocate.py" line="46"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Motivo da exceção:</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="191"/>
        <source>Amend a case note</source>
        <translation>Retificar uma nota de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="193"/>
        <source>Original: %1</source>
        <translation>Original: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="198"/>
        <source>Corrected note</source>
        <translation>Nota corrigida</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="68"/>
        <location filename="../../app/ui/assessment/editor.py" line="82"/>
        <source>Assessment</source>
        <translation>Avaliação</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="71"/>
        <source>Opening…</source>
        <translation>A abrir…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="76"/>
        <source>Save status</source>
        <translation>Estado da gravação</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="92"/>
        <source>A&amp;nswers</source>
        <translation>Res&amp;postas</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="93"/>
        <source>Resul&amp;t</source>
        <translation>Resul&amp;tado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="96"/>
        <source>&amp;Complete assessment</source>
        <translation>&amp;Concluir avaliação</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="99"/>
        <source>Counter&amp;sign</source>
        <translation>&amp;Validar</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="102"/>
        <source>C&amp;lose</source>
        <translation>&amp;Fechar</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="134"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="141"/>
        <source>Your role may not read the answers of this assessment.</source>
        <translation>A sua função não pode ler as respostas desta avaliação.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="152"/>
        <source>Draft last saved %1</source>
        <translation>Rascunho guardado pela última vez em %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="158"/>
        <source>%1 (version %2) for %3</source>
        <translation>%1 (versão %2) de %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="160"/>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="161"/>
        <source>Assessor: %1</source>
        <translation>Avaliador: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="163"/>
        <source>Countersigned by %1 on %2</source>
        <translation>Validada por %1 em %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="184"/>
        <source>Changes not saved yet…</source>
        <translation>Alterações ainda não guardadas…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="195"/>
        <source>Saving…</source>
        <translation>A guardar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="213"/>
        <source>Draft saved %1, except: %2</source>
        <translation>Rascunho guardado em %1, exceto: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="216"/>
        <source>Draft saved %1</source>
        <translation>Rascunho guardado em %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="225"/>
        <source>Not saved: %1</source>
        <translation>Não guardado: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="265"/>
        <source>Completed %1</source>
        <translation>Concluída em %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="312"/>
        <source>Countersigned.</source>
        <translation>Validada.</translation>
    </message>
</context>
<context>
    <name>AssessmentStatus</name>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="34"/>
        <source>Draft</source>
        <translation>Rascunho</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="35"/>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/editor.py" line="36"/>
        <source>Countersigned</source>
        <translation>Validada</translation>
    </message>
</context>
<context>
    <name>AssessmentSummary</name>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="36"/>
        <source>Needs</source>
        <translation>Necessidades</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="40"/>
        <source>Need area</source>
        <translation>Área de necessidade</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="41"/>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="42"/>
        <source>Score</source>
        <translation>Pontuação</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="43"/>
        <source>Priority</source>
        <translation>Prioridade</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="43"/>
        <source>priority</source>
        <translation>prioridade</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="45"/>
        <source>Needs profile</source>
        <translation>Perfil de necessidades</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="49"/>
        <source>Risk and screening over time</source>
        <translation>Risco e triagem ao longo do tempo</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="58"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="59"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="60"/>
        <source>Band</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="61"/>
        <source>Professional&apos;s decision</source>
        <translation>Decisão do profissional</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="62"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="65"/>
        <source>Assessment history</source>
        <translation>Histórico de avaliações</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="86"/>
        <source>agreed</source>
        <translation>concordou</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="88"/>
        <source>overridden: %1</source>
        <translation>não seguida: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="89"/>
        <source>none recorded</source>
        <translation>nenhuma registada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="92"/>
        <source>completed</source>
        <translation>concluída</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="93"/>
        <source>countersigned</source>
        <translation>validada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="94"/>
        <source>corrected since</source>
        <translation>corrigida desde então</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="109"/>
        <source>Needs (criminogenic needs assessment of %1)</source>
        <translation>Necessidades (avaliação de necessidades criminógenas de %1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/assessment/summary.py" line="121"/>
        <source>%Ln completed assessment(s) of instruments your role may not read are not shown.</source>
        <translation>
            <numerusform>%Ln avaliação concluída de um instrumento que a sua função não pode ler não é mostrada.</numerusform>
            <numerusform>%Ln avaliações concluídas de instrumentos que a sua função não pode ler não são mostradas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="80"/>
        <location filename="../../app/ui/assessment/summary.py" line="111"/>
        <source>Priorities: %1</source>
        <translation>Prioridades: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="81"/>
        <location filename="../../app/ui/assessment/summary.py" line="112"/>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="114"/>
        <source>Needs: no completed criminogenic needs assessment.</source>
        <translation>Necessidades: nenhuma avaliação de necessidades criminógenas concluída.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/summary.py" line="137"/>
        <source>%1 on %2</source>
        <translation>%1 em %2</translation>
    </message>
</context>
<context>
    <name>AssessmentsPage</name>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="57"/>
        <source>Find a person by name or number</source>
        <translation>Procurar uma pessoa por nome ou número</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="58"/>
        <source>Find a person</source>
        <translation>Procurar uma pessoa</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="60"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="61"/>
        <source>Born</source>
        <translation>Nascimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="62"/>
        <source>People found</source>
        <translation>Pessoas encontradas</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="73"/>
        <source>Find a person to see and record their assessments.</source>
        <translation>Procure uma pessoa para ver e registar as suas avaliações.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="81"/>
        <location filename="../../app/ui/assessment/page.py" line="98"/>
        <location filename="../../app/ui/assessment/page.py" line="107"/>
        <location filename="../../app/ui/assessment/page.py" line="122"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="82"/>
        <source>&amp;Start a new assessment</source>
        <translation>&amp;Iniciar uma nova avaliação</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="87"/>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrumento:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="99"/>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="100"/>
        <source>Last saved</source>
        <translation>Guardado em</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="101"/>
        <location filename="../../app/ui/assessment/page.py" line="111"/>
        <location filename="../../app/ui/assessment/page.py" line="123"/>
        <source>Assessor</source>
        <translation>Avaliador</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="103"/>
        <source>Drafts</source>
        <translation>Rascunhos</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="106"/>
        <location filename="../../app/ui/assessment/page.py" line="120"/>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="108"/>
        <source>Band</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="109"/>
        <source>(restricted)</source>
        <translation>(restrito)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="110"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="112"/>
        <source>Countersigned by</source>
        <translation>Validada por</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="115"/>
        <source>Completed assessments</source>
        <translation>Avaliações concluídas</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="121"/>
        <source>Person</source>
        <translation>Pessoa</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="126"/>
        <location filename="../../app/ui/assessment/page.py" line="128"/>
        <source>Waiting for your countersignature</source>
        <translation>A aguardar a sua validação</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="149"/>
        <source>Drafts in progress (Enter continues one):</source>
        <translation>Rascunhos em curso (Enter continua um):</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="151"/>
        <source>Completed assessments (Enter opens one):</source>
        <translation>Avaliações concluídas (Enter abre uma):</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="167"/>
        <source>corrected</source>
        <translation>corrigida</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="198"/>
        <source>Assessments of %1</source>
        <translation>Avaliações de %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="206"/>
        <source>Your role may not complete any instrument.</source>
        <translation>A sua função não pode preencher nenhum instrumento.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/page.py" line="247"/>
        <source>You already have a draft of this assessment, started %1: it is open to continue.</source>
        <translation>Já tem um rascunho desta avaliação, iniciado em %1: está aberto para continuar.</translation>
    </message>
</context>
<context>
    <name>CaseNoteDialog</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="22"/>
        <source>Add a case note</source>
        <translation>Adicionar uma nota de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="37"/>
        <source>&amp;Sensitive (health, safeguarding)</source>
        <translation>&amp;Sensível (saúde, proteção)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="41"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="42"/>
        <source>S&amp;ubtype:</source>
        <translation>S&amp;ubtipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="43"/>
        <source>&amp;When it happened:</source>
        <translation>&amp;Quando aconteceu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="44"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="62"/>
        <source>Case note for %1</source>
        <translation>Nota de caso de %1</translation>
    </message>
</context>
<context>
    <name>CaseNotesPage</name>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="126"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="127"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="127"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="129"/>
        <source>Latest case notes</source>
        <translation>Notas de caso mais recentes</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="131"/>
        <source>&amp;Add a case note…</source>
        <translation>&amp;Adicionar uma nota de caso…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="132"/>
        <source>Find the person first, then use Add case note on their record</source>
        <translation>Encontre primeiro a pessoa e use Adicionar nota de caso no seu registo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/case_note.py" line="134"/>
        <source>A&amp;mend the chosen note…</source>
        <translation>&amp;Retificar a nota escolhida…</translation>
    </message>
</context>
<context>
    <name>CloseWarningDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="174"/>
        <source>Close a warning</source>
        <translation>Encerrar um aviso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="180"/>
        <source>&amp;Warning:</source>
        <translation>&amp;Aviso:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="181"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="182"/>
        <source>Close &amp;it</source>
        <translation>&amp;Encerrar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="198"/>
        <source>Alert: %1 (since %2)</source>
        <translation>Alerta: %1 (desde %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="202"/>
        <source>Keep apart from %1 (%2, %3)</source>
        <translation>Manter separado/a de %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="211"/>
        <source>This person has no open warnings.</source>
        <translation>Esta pessoa não tem avisos em aberto.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="216"/>
        <source>Warning: choose the warning to close</source>
        <translation>Aviso: escolha o aviso a encerrar</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Record</source>
        <translation>Registo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="89"/>
        <source>Kept for now</source>
        <translation>Mantido provisoriamente</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="90"/>
        <source>Other change</source>
        <translation>Outra alteração</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="90"/>
        <source>Facility</source>
        <translation>Estabelecimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="92"/>
        <source>Open conflicts</source>
        <translation>Conflitos em aberto</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="94"/>
        <source>Value kept for now (server)</source>
        <translation>Valor mantido provisoriamente (servidor)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="97"/>
        <source>Other change (device)</source>
        <translation>Outra alteração (dispositivo)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="107"/>
        <source>Keep the value kept for now</source>
        <translation>Manter o valor mantido provisoriamente</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="108"/>
        <source>Take the device&apos;s value</source>
        <translation>Aceitar o valor do dispositivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="109"/>
        <source>Set another value</source>
        <translation>Definir outro valor</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="114"/>
        <source>&amp;Resolve</source>
        <translation>&amp;Resolver</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="116"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="120"/>
        <source>&amp;Decision:</source>
        <translation>&amp;Decisão:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="121"/>
        <source>&amp;Value:</source>
        <translation>&amp;Valor:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="121"/>
        <source>&amp;Note:</source>
        <translation>&amp;Nota:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="167"/>
        <source>by %1 on device %2, received %3</source>
        <translation>por %1 no dispositivo %2, recebido em %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="170"/>
        <source>was: %1</source>
        <translation>antes: %1</translation>
    </message>
</context>
<context>
    <name>DisciplinePage</name>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Charge</source>
        <translation>Acusação</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="209"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="210"/>
        <source>Hearing due by</source>
        <translation>Audiência até</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="212"/>
        <source>Adjudication reports</source>
        <translation>Processos disciplinares</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="214"/>
        <source>&amp;Report an incident…</source>
        <translation>&amp;Comunicar um incidente…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="225"/>
        <source>C&amp;hange status</source>
        <translation>&amp;Mudar o estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="232"/>
        <source>&amp;Book hearing</source>
        <translation>&amp;Marcar audiência</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="239"/>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="241"/>
        <source>Record &amp;hearing</source>
        <translation>Registar a a&amp;udiência</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="249"/>
        <source>Suspended for six months</source>
        <translation>Suspensa por seis meses</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="251"/>
        <source>A&amp;ward punishment</source>
        <translation>A&amp;plicar sanção</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="253"/>
        <source>Next step</source>
        <translation>Próximo passo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="255"/>
        <source>New status:</source>
        <translation>Novo estado:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="256"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="258"/>
        <source>Hearing at:</source>
        <translation>Audiência em:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="259"/>
        <source>Reason it is late:</source>
        <translation>Motivo do atraso:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="261"/>
        <source>Plea:</source>
        <translation>Declaração:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="262"/>
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="263"/>
        <source>Finding:</source>
        <translation>Decisão:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="265"/>
        <source>Punishment:</source>
        <translation>Sanção:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="266"/>
        <source>Days:</source>
        <translation>Dias:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="320"/>
        <source>Status: %1 · hearing due by %2</source>
        <translation>Estado: %1 · audiência até %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="325"/>
        <source>Hearing %1: %2</source>
        <translation>Audiência %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="326"/>
        <source>to be held</source>
        <translation>por realizar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="338"/>
        <source>Punishment: %1, %2 days (%3)</source>
        <translation>Sanção: %1, %2 dias (%3)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="86"/>
        <source>Something went wrong and nothing was saved. The details are in the log.</source>
        <translation>Algo correu mal e nada foi guardado. Os detalhes estão no registo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="97"/>
        <source>Not saved</source>
        <translation>Não guardado</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../app/ui/errors.py" line="19"/>
        <source>First name</source>
        <translation>Nome próprio</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="20"/>
        <source>Last name</source>
        <translation>Apelido</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="21"/>
        <source>Middle names</source>
        <translation>Nomes do meio</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="22"/>
        <source>Date of birth</source>
        <translation>Data de nascimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="23"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="24"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="25"/>
        <location filename="../../app/ui/errors.py" line="26"/>
        <source>Person</source>
        <translation>Pessoa</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="27"/>
        <source>Why this is a different person</source>
        <translation>Porque é uma pessoa diferente</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="28"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="29"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="30"/>
        <source>Subtype</source>
        <translation>Subtipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="31"/>
        <source>When it happened</source>
        <translation>Quando aconteceu</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="32"/>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="33"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="34"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="35"/>
        <source>Override reason</source>
        <translation>Motivo da exceção</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <location filename="../../app/ui/errors.py" line="45"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="37"/>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38"/>
        <source>Other person</source>
        <translation>Outra pessoa</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="39"/>
        <source>Activity</source>
        <translation>Atividade</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40"/>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="41"/>
        <source>Correction reason</source>
        <translation>Motivo da correção</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42"/>
        <source>Hearing at</source>
        <translation>Audiência em</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="43"/>
        <source>Reason it is late</source>
        <translation>Motivo do atraso</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="44"/>
        <source>Days</source>
        <translation>Dias</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="46"/>
        <source>Starts at</source>
        <translation>Começa às</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="47"/>
        <source>Booking number</source>
        <translation>Número de registo</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="48"/>
        <source>Legal status</source>
        <translation>Situação jurídica</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="49"/>
        <source>Custody</source>
        <translation>Custódia</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="50"/>
        <source>Destination facility</source>
        <translation>Estabelecimento de destino</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="51"/>
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="52"/>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="53"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="54"/>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="55"/>
        <source>Incident type</source>
        <translation>Tipo de incidente</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="56"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="57"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="58"/>
        <source>Absence reason</source>
        <translation>Motivo da ausência</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="59"/>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="60"/>
        <source>Alias</source>
        <translation>Alcunha</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="61"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="62"/>
        <source>Identifier type</source>
        <translation>Tipo de identificador</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="63"/>
        <source>Sync server</source>
        <translation>Servidor de sincronização</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="64"/>
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="65"/>
        <source>User name</source>
        <translation>Nome de utilizador</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="66"/>
        <source>Lock after (minutes idle)</source>
        <translation>Bloquear após (minutos sem uso)</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="67"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>GrievanceDialog</name>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="32"/>
        <source>Log a grievance or request</source>
        <translation>Registar uma queixa ou pedido</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="39"/>
        <source>(the category&apos;s usual staff)</source>
        <translation>(a equipa habitual da categoria)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="49"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="49"/>
        <source>&amp;Category:</source>
        <translation>&amp;Categoria:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="50"/>
        <source>&amp;Routed to:</source>
        <translation>&amp;Encaminhado para:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="51"/>
        <source>&amp;Subject:</source>
        <translation>&amp;Assunto:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="52"/>
        <source>&amp;Details:</source>
        <translation>&amp;Detalhes:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="68"/>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
</context>
<context>
    <name>GrievancesPage</name>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="135"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="136"/>
        <location filename="../../app/ui/workflows/grievance.py" line="163"/>
        <source>Subject</source>
        <translation>Assunto</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="136"/>
        <source>Due by</source>
        <translation>Prazo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="138"/>
        <source>Grievances awaiting an answer</source>
        <translation>Queixas a aguardar resposta</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="145"/>
        <location filename="../../app/ui/workflows/grievance.py" line="164"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="148"/>
        <location filename="../../app/ui/workflows/grievance.py" line="156"/>
        <source>Response</source>
        <translation>Resposta</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="150"/>
        <source>&amp;Answer</source>
        <translation>&amp;Responder</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="158"/>
        <source>Outcome:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="159"/>
        <source>Response:</source>
        <translation>Resposta:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="166"/>
        <source>Answered grievances</source>
        <translation>Queixas respondidas</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="169"/>
        <source>Reason for the appeal or closing</source>
        <translation>Motivo do recurso ou do encerramento</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="170"/>
        <source>A&amp;ppeal</source>
        <translation>Re&amp;correr</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="173"/>
        <source>Cl&amp;ose</source>
        <translation>Encerr&amp;ar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="176"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="184"/>
        <source>Answered — appeal or close:</source>
        <translation>Respondidas — recorrer ou encerrar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="227"/>
        <source>Grievance: choose an answered grievance</source>
        <translation>Queixa: escolha uma queixa respondida</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/grievance.py" line="254"/>
        <source>%1 awaiting an answer, %2 overdue</source>
        <translation>%1 a aguardar resposta, %2 em atraso</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="57"/>
        <source>Report an incident</source>
        <translation>Comunicar um incidente</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="71"/>
        <source>Parties</source>
        <translation>Intervenientes</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="76"/>
        <source>Add a party: type a name or number, then Enter</source>
        <translation>Adicionar interveniente: escreva um nome ou número e prima Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="77"/>
        <source>Add a party</source>
        <translation>Adicionar interveniente</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="80"/>
        <source>(no charge yet)</source>
        <translation>(ainda sem acusação)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="84"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="85"/>
        <source>&amp;Happened at:</source>
        <translation>&amp;Aconteceu em:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="86"/>
        <source>&amp;Discovered at:</source>
        <translation>&amp;Descoberto em:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="87"/>
        <source>&amp;Where:</source>
        <translation>&amp;Onde:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="88"/>
        <source>&amp;What happened:</source>
        <translation>&amp;O que aconteceu:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="89"/>
        <source>&amp;Role of the next party:</source>
        <translation>&amp;Papel do próximo interveniente:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="90"/>
        <source>Add &amp;party:</source>
        <translation>Adicionar &amp;interveniente:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="91"/>
        <source>Parties:</source>
        <translation>Intervenientes:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/incident.py" line="92"/>
        <source>&amp;Charge the first party with:</source>
        <translation>A&amp;cusar o primeiro interveniente de:</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="69"/>
        <source>Reception and intake</source>
        <translation>Receção e admissão</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="83"/>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="88"/>
        <source>Who is arriving?</source>
        <translation>Quem está a chegar?</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="91"/>
        <source>&amp;First name:</source>
        <translation>&amp;Nome próprio:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="92"/>
        <source>&amp;Middle names:</source>
        <translation>Nomes do &amp;meio:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="93"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Apelido:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="94"/>
        <source>Date of &amp;birth:</source>
        <translation>Data de &amp;nascimento:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="95"/>
        <source>&amp;Sex:</source>
        <translation>&amp;Sexo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="96"/>
        <source>&amp;Identifier type:</source>
        <translation>Tipo de &amp;identificador:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="97"/>
        <source>Identifier &amp;number:</source>
        <translation>&amp;Número do identificador:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="98"/>
        <source>Alias first name:</source>
        <translation>Nome próprio da alcunha:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="99"/>
        <source>Alias last name:</source>
        <translation>Apelido da alcunha:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="110"/>
        <source>Is this person already known?</source>
        <translation>Esta pessoa já é conhecida?</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="111"/>
        <source>The replica holds people who may be the same person. Check before creating a new record.</source>
        <translation>A réplica tem pessoas que podem ser a mesma pessoa. Verifique antes de criar um novo registo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="115"/>
        <source>Possible duplicates</source>
        <translation>Possíveis duplicados</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="116"/>
        <source>It is one of them: &amp;open their record</source>
        <translation>É uma delas: &amp;abrir o seu registo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="118"/>
        <source>It is a &amp;different person, because:</source>
        <translation>É uma pessoa &amp;diferente, porque:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="122"/>
        <source>Why this is a different person</source>
        <translation>Porque é uma pessoa diferente</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="132"/>
        <source>Admission</source>
        <translation>Admissão</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="133"/>
        <source>&amp;Admit into custody now</source>
        <translation>&amp;Admitir já em custódia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="144"/>
        <source>Override reason</source>
        <translation>Motivo da exceção</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="147"/>
        <source>A .jpg or .png file (optional)</source>
        <translation>Um ficheiro .jpg ou .png (opcional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="151"/>
        <source>&amp;Booking number:</source>
        <translation>&amp;Número de registo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="152"/>
        <source>Legal &amp;status:</source>
        <translation>&amp;Situação jurídica:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="153"/>
        <source>&amp;Cell:</source>
        <translation>&amp;Cela:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="154"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Motivo da exceção:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="159"/>
        <source>P&amp;hoto:</source>
        <translation>&amp;Fotografia:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="161"/>
        <source>Photo file</source>
        <translation>Ficheiro da fotografia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="179"/>
        <source>%1 (%2 free)</source>
        <translation>%1 (%2 livres)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="218"/>
        <source>Checking the replica for this person…</source>
        <translation>A procurar esta pessoa na réplica…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/intake.py" line="268"/>
        <source>Saving…</source>
        <translation>A guardar…</translation>
    </message>
</context>
<context>
    <name>ItemField</name>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="44"/>
        <source> (optional)</source>
        <translation> (opcional)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="74"/>
        <source>Not answered</source>
        <translation>Sem resposta</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="76"/>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="77"/>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="88"/>
        <source>At least %1 characters</source>
        <translation>Pelo menos %1 caracteres</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="94"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/form.py" line="99"/>
        <source>A whole number (%1)</source>
        <translation>Um número inteiro (%1)</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../app/ui/lock.py" line="70"/>
        <source>Custos is locked</source>
        <translation>O Custos está bloqueado</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="74"/>
        <source>Signed in as %1. Enter your password to continue.</source>
        <translation>Sessão iniciada como %1. Introduza a palavra-passe para continuar.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="79"/>
        <location filename="../../app/ui/lock.py" line="80"/>
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="82"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock.py" line="102"/>
        <source>Checking…</source>
        <translation>A verificar…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="50"/>
        <source>Sign in to Custos</source>
        <translation>Iniciar sessão no Custos</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="56"/>
        <source>Sync server</source>
        <translation>Servidor de sincronização</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="57"/>
        <source>https://custos.example (leave empty to work offline)</source>
        <translation>https://custos.example (deixe vazio para trabalhar sem ligação)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="60"/>
        <source>User name</source>
        <translation>Nome de utilizador</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="63"/>
        <source>Password</source>
        <translation>Palavra-passe</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="69"/>
        <source>&amp;User name:</source>
        <translation>Nome de &amp;utilizador:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="70"/>
        <source>&amp;Password:</source>
        <translation>&amp;Palavra-passe:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="71"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="77"/>
        <source>Sign in</source>
        <translation>Iniciar sessão</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="89"/>
        <source>Signing in…</source>
        <translation>A iniciar sessão…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="90"/>
        <source>Custos — %1 (%2)</source>
        <translation>Custos — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="94"/>
        <source>Modules</source>
        <translation>Módulos</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="128"/>
        <source>&amp;Custos</source>
        <translation>&amp;Custos</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar agora</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="131"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134"/>
        <source>&amp;Rejected changes…</source>
        <translation>Alterações &amp;rejeitadas…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="137"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="138"/>
        <source>&amp;Person</source>
        <translation>&amp;Pessoa</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="139"/>
        <source>&amp;Find a person…</source>
        <translation>&amp;Procurar uma pessoa…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="141"/>
        <source>New &amp;intake…</source>
        <translation>Nova &amp;admissão…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="149"/>
        <source>&amp;Demo</source>
        <translation>&amp;Demonstração</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Officer</source>
        <translation>Guarda</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>Psychologist</source>
        <translation>Psicólogo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="151"/>
        <source>Case manager</source>
        <translation>Gestor de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="152"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>Central office</source>
        <translation>Serviços centrais</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="155"/>
        <source>View as %1</source>
        <translation>Ver como %1</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <location filename="../../app/ui/modules.py" line="39"/>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="40"/>
        <source>Unit roll and locations</source>
        <translation>Efetivo e localizações</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="41"/>
        <source>Activities</source>
        <translation>Atividades</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="42"/>
        <source>Discipline</source>
        <translation>Disciplina</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="43"/>
        <source>Case notes</source>
        <translation>Notas de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="45"/>
        <source>Grievances and requests</source>
        <translation>Queixas e pedidos</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="47"/>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="48"/>
        <source>Assessments</source>
        <translation>Avaliações</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="49"/>
        <source>Conflicts</source>
        <translation>Conflitos</translation>
    </message>
    <message>
        <location filename="../../app/ui/modules.py" line="51"/>
        <source>Settings</source>
        <translation>Definições</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="34"/>
        <source>Move a person</source>
        <translation>Mover uma pessoa</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="39"/>
        <source>Reading where this person is…</source>
        <translation>A ler onde está esta pessoa…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="44"/>
        <source>To another &amp;cell</source>
        <translation>Para outra &amp;cela</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="45"/>
        <source>Out to c&amp;ourt</source>
        <translation>Saída para &amp;tribunal</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="46"/>
        <source>Out on temporary &amp;absence</source>
        <translation>Saída em &amp;ausência temporária</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="47"/>
        <source>&amp;Return to the facility</source>
        <translation>&amp;Regresso ao estabelecimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="48"/>
        <source>&amp;Transfer to another facility</source>
        <translation>&amp;Transferência para outro estabelecimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="58"/>
        <source>Destination cell</source>
        <translation>Cela de destino</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="62"/>
        <source>Destination facility</source>
        <translation>Estabelecimento de destino</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="71"/>
        <source>Override reason</source>
        <translation>Motivo da exceção</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="72"/>
        <source>Required when there are warnings</source>
        <translation>Obrigatório quando há avisos</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="77"/>
        <source>&amp;Destination cell:</source>
        <translation>Cela de &amp;destino:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="78"/>
        <source>Destination &amp;facility:</source>
        <translation>&amp;Estabelecimento de destino:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="79"/>
        <source>O&amp;verride reason:</source>
        <translation>Moti&amp;vo da exceção:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="80"/>
        <source>Co&amp;mment:</source>
        <translation>Co&amp;mentário:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="105"/>
        <source>This person is not in custody here, so cannot be moved.</source>
        <translation>Esta pessoa não está em custódia aqui, por isso não pode ser movida.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="109"/>
        <source>Now out of the facility (cell %1 kept).</source>
        <translation>Agora fora do estabelecimento (mantém a cela %1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="110"/>
        <source>Now in cell %1.</source>
        <translation>Agora na cela %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="121"/>
        <source>%1 (%2 of %3 places taken)</source>
        <translation>%1 (%2 de %3 lugares ocupados)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/move.py" line="154"/>
        <source>Warnings (an override reason is required):</source>
        <translation>Avisos (é obrigatório um motivo de exceção):</translation>
    </message>
</context>
<context>
    <name>NonAssociationDialog</name>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="99"/>
        <source>Keep apart from someone</source>
        <translation>Manter separado de alguém</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="104"/>
        <source>Type a name or number, then Enter</source>
        <translation>Escreva um nome ou número e prima Enter</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="118"/>
        <source>&amp;Find the other person:</source>
        <translation>&amp;Procurar a outra pessoa:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="119"/>
        <source>&amp;Other person:</source>
        <translation>&amp;Outra pessoa:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="120"/>
        <source>&amp;Role of this person:</source>
        <translation>&amp;Papel desta pessoa:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="121"/>
        <source>Role of the o&amp;ther person:</source>
        <translation>Papel da o&amp;utra pessoa:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="122"/>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="123"/>
        <source>&amp;Keep apart on the same:</source>
        <translation>&amp;Manter separados no mesmo/a:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/warnings.py" line="124"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentário:</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Date of birth</source>
        <translation>Data de nascimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="184"/>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="185"/>
        <source>Matched</source>
        <translation>Correspondência</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_model.py" line="213"/>
        <source>%1 (out)</source>
        <translation>%1 (fora)</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../app/ui/people_page.py" line="52"/>
        <source>Search by name, alias or number</source>
        <translation>Procurar por nome, alcunha ou número</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="53"/>
        <source>Search people</source>
        <translation>Pesquisar pessoas</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="57"/>
        <source>Search results</source>
        <translation>Resultados da pesquisa</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="62"/>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="168"/>
        <source>The first sync is still loading this facility: the people it brings can be found once it ends.</source>
        <translation>A primeira sincronização ainda está a carregar este estabelecimento: as pessoas que traz poderão ser encontradas quando terminar.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="171"/>
        <source>No one matches. Check the spelling or try a number.</source>
        <translation>Ninguém corresponde. Verifique a ortografia ou tente um número.</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_page.py" line="173"/>
        <source>More people match: keep typing to narrow the list.</source>
        <translation>Há mais correspondências: continue a escrever para reduzir a lista.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/people_page.py" line="175"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln pessoa</numerusform>
            <numerusform>%Ln pessoas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="55"/>
        <source>Add a photo</source>
        <translation>Adicionar fotografia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="60"/>
        <source>Photo file</source>
        <translation>Ficheiro da fotografia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="61"/>
        <source>A .jpg or .png file</source>
        <translation>Um ficheiro .jpg ou .png</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="63"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Procurar…</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="66"/>
        <location filename="../../app/ui/workflows/photo.py" line="105"/>
        <source>No photo chosen</source>
        <translation>Nenhuma fotografia escolhida</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="68"/>
        <source>Preview</source>
        <translation>Pré-visualização</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="76"/>
        <source>&amp;File:</source>
        <translation>&amp;Ficheiro:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="93"/>
        <source>Photo of %1</source>
        <translation>Fotografia de %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="96"/>
        <source>Choose the photo</source>
        <translation>Escolher a fotografia</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="97"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Fotografias (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/photo.py" line="106"/>
        <source>Not a picture this program can show</source>
        <translation>Não é uma imagem que este programa consiga mostrar</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../app/ui/profile_view.py" line="63"/>
        <source>Photograph</source>
        <translation>Fotografia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="64"/>
        <source>Choose a person to see their record.</source>
        <translation>Escolha uma pessoa para ver o seu registo.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="78"/>
        <source>Warnings</source>
        <translation>Avisos</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="86"/>
        <source>Add case &amp;note</source>
        <translation>Adicionar &amp;nota de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="86"/>
        <source>&amp;Move</source>
        <translation>&amp;Mover</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="87"/>
        <source>Report &amp;incident</source>
        <translation>Comunicar &amp;incidente</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="87"/>
        <source>Log g&amp;rievance</source>
        <translation>Registar &amp;queixa</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="88"/>
        <source>Book &amp;visit</source>
        <translation>Marcar &amp;visita</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="88"/>
        <source>A&amp;llocate</source>
        <translation>A&amp;tribuir atividade</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="89"/>
        <source>Add &amp;alert</source>
        <translation>Adicionar &amp;alerta</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="90"/>
        <source>&amp;Keep apart…</source>
        <translation>&amp;Manter separado…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="104"/>
        <source>Record sections</source>
        <translation>Secções do registo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="126"/>
        <source>P&amp;hoto…</source>
        <translation>Fo&amp;to…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="128"/>
        <source>Add a photo</source>
        <translation>Adicionar fotografia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="147"/>
        <source>Cl&amp;ose a warning…</source>
        <translation>Encerrar a&amp;viso…</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="162"/>
        <source>Identity</source>
        <translation>Identidade</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="163"/>
        <source>Custody and sentence</source>
        <translation>Custódia e pena</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="164"/>
        <source>Location and movements</source>
        <translation>Localização e movimentos</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="165"/>
        <source>Assessments</source>
        <translation>Avaliações</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="166"/>
        <source>Discipline</source>
        <translation>Disciplina</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="167"/>
        <source>Activities and attendance</source>
        <translation>Atividades e presenças</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="168"/>
        <source>Case notes</source>
        <translation>Notas de caso</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="169"/>
        <source>Grievances and requests</source>
        <translation>Queixas e pedidos</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="170"/>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="171"/>
        <source>Sentence plan</source>
        <translation>Plano individual</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="172"/>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="206"/>
        <source>Born %1 · %2</source>
        <translation>Nascido/a em %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="215"/>
        <source>No photo</source>
        <translation>Sem fotografia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="231"/>
        <source>Your role does not give access to this section.</source>
        <translation>A sua função não dá acesso a esta secção.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="251"/>
        <source>ALERT %1: %2</source>
        <translation>ALERTA %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="255"/>
        <source>NON-ASSOCIATION: keep apart from %1 (%2, %3)</source>
        <translation>NÃO ASSOCIAÇÃO: manter separado/a de %1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="269"/>
        <source>Nothing recorded.</source>
        <translation>Nada registado.</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="274"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="274"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="275"/>
        <source>First name</source>
        <translation>Nome próprio</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="276"/>
        <source>Middle names</source>
        <translation>Nomes do meio</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="277"/>
        <source>Last name</source>
        <translation>Apelido</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="278"/>
        <location filename="../../app/ui/profile_view.py" line="290"/>
        <source>Date of birth</source>
        <translation>Data de nascimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="279"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="280"/>
        <source>Gender</source>
        <translation>Género</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="281"/>
        <source>Facility</source>
        <translation>Estabelecimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="284"/>
        <source>Identifiers</source>
        <translation>Identificadores</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="285"/>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <location filename="../../app/ui/profile_view.py" line="413"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="285"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="289"/>
        <source>Also known as</source>
        <translation>Também conhecido/a como</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="290"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="299"/>
        <source>Custody episodes</source>
        <translation>Períodos de custódia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <source>Booking</source>
        <translation>Registo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <source>Legal status</source>
        <translation>Situação jurídica</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="300"/>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <location filename="../../app/ui/profile_view.py" line="348"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <location filename="../../app/ui/profile_view.py" line="413"/>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="301"/>
        <source>Admitted</source>
        <translation>Admitido/a</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="301"/>
        <source>Released</source>
        <translation>Libertado/a</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="306"/>
        <source>Sentences</source>
        <translation>Penas</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Length (days)</source>
        <translation>Duração (dias)</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Starts</source>
        <translation>Início</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="307"/>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="311"/>
        <source>Offences</source>
        <translation>Crimes</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Offence</source>
        <translation>Crime</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="312"/>
        <source>Committed</source>
        <translation>Cometido</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="321"/>
        <source>out: %1</source>
        <translation>fora: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="323"/>
        <source>Now</source>
        <translation>Agora</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="323"/>
        <source>Not in custody</source>
        <translation>Não está em custódia</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <source>Movement</source>
        <translation>Movimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="326"/>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="327"/>
        <source>Override reason</source>
        <translation>Motivo da exceção</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="338"/>
        <source>Assessor</source>
        <translation>Avaliador</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="339"/>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <source>Incident</source>
        <translation>Incidente</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="347"/>
        <source>Charge</source>
        <translation>Acusação</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="348"/>
        <source>Hearing due</source>
        <translation>Prazo da audiência</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="360"/>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Activity</source>
        <translation>Atividade</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="364"/>
        <source>Recent attendance</source>
        <translation>Presenças recentes</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Session</source>
        <translation>Sessão</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="365"/>
        <source>Attendance</source>
        <translation>Presença</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="379"/>
        <source>sensitive</source>
        <translation>sensível</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="381"/>
        <source>amendment</source>
        <translation>retificação</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="398"/>
        <source>due %1</source>
        <translation>prazo %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="412"/>
        <source>Relationship</source>
        <translation>Relação</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="424"/>
        <source>Started %1, next review %2</source>
        <translation>Iniciado em %1, próxima revisão %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Need</source>
        <translation>Necessidade</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="427"/>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>Who</source>
        <translation>Quem</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>What</source>
        <translation>O quê</translation>
    </message>
    <message>
        <location filename="../../app/ui/profile_view.py" line="435"/>
        <source>Record</source>
        <translation>Registo</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Attendance</source>
        <translation>Presença</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="101"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="131"/>
        <source>Sessions</source>
        <translation>Sessões</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="135"/>
        <source>Register</source>
        <translation>Lista de presenças</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="139"/>
        <source>Absence reason for X</source>
        <translation>Motivo da ausência para X</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="142"/>
        <source>Correction reason</source>
        <translation>Motivo da correção</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="143"/>
        <source>Choose a session.</source>
        <translation>Escolha uma sessão.</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="145"/>
        <source>A attended · X absent · E excused · Ctrl+Shift+A everyone else attended · Ctrl+Enter save</source>
        <translation>A presente · X ausente · E dispensado · Ctrl+Shift+A todos os outros presentes · Ctrl+Enter guardar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="148"/>
        <source>Everyone else &amp;attended</source>
        <translation>Todos os outros &amp;presentes</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="150"/>
        <source>&amp;Save register</source>
        <translation>&amp;Guardar presenças</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="157"/>
        <source>Absence reason (X):</source>
        <translation>Motivo da ausência (X):</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="158"/>
        <source>Correction reason:</source>
        <translation>Motivo da correção:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="190"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/register.py" line="240"/>
        <source>Nothing to save: no marks were changed.</source>
        <translation>Nada a guardar: nenhuma marcação foi alterada.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/workflows/register.py" line="252"/>
        <source>Saved %n mark(s).</source>
        <translation>
            <numerusform>%n marcação guardada.</numerusform>
            <numerusform>%n marcações guardadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RejectedDialog</name>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="213"/>
        <location filename="../../app/ui/sync_inbox.py" line="219"/>
        <source>Rejected changes</source>
        <translation>Alterações rejeitadas</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>Record</source>
        <translation>Registo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="216"/>
        <source>Change</source>
        <translation>Alteração</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="217"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="224"/>
        <source>Corrected value</source>
        <translation>Valor corrigido</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="227"/>
        <source>Reason to discard</source>
        <translation>Motivo para descartar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="228"/>
        <source>Send &amp;again</source>
        <translation>Enviar de &amp;novo</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="230"/>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="235"/>
        <source>Reason to discard:</source>
        <translation>Motivo para descartar:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="274"/>
        <source>Corrected %1:</source>
        <translation>%1 corrigido:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_inbox.py" line="275"/>
        <source>Corrected value:</source>
        <translation>Valor corrigido:</translation>
    </message>
</context>
<context>
    <name>RollPage</name>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>Unit</source>
        <translation>Unidade</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>In</source>
        <translation>Dentro</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>Out</source>
        <translation>Fora</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="112"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="113"/>
        <location filename="../../app/ui/workflows/roll.py" line="167"/>
        <source>Operational capacity</source>
        <translation>Lotação operacional</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="113"/>
        <source>Free</source>
        <translation>Livres</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <source>Cell</source>
        <translation>Cela</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="114"/>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Booking</source>
        <translation>Registo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="115"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="116"/>
        <source>Out for</source>
        <translation>Fora por</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="117"/>
        <source>Cell kept</source>
        <translation>Cela mantida</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="119"/>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="121"/>
        <source>People in the unit</source>
        <translation>Pessoas na unidade</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="123"/>
        <source>Out of the facility</source>
        <translation>Fora do estabelecimento</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="126"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Atualizar</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="138"/>
        <source>In the unit:</source>
        <translation>Na unidade:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="140"/>
        <source>Out of the facility:</source>
        <translation>Fora do estabelecimento:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="146"/>
        <location filename="../../app/ui/workflows/roll.py" line="151"/>
        <source>Locations</source>
        <translation>Localizações</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="150"/>
        <source>Roll</source>
        <translation>Efetivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="166"/>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="167"/>
        <source>State</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="176"/>
        <source>in use</source>
        <translation>em uso</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="177"/>
        <source>out of use: %1</source>
        <translation>fora de uso: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="205"/>
        <source>Roll: %1 in, %2 out, %3 in total</source>
        <translation>Efetivo: %1 dentro, %2 fora, %3 no total</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="221"/>
        <source>out</source>
        <translation>fora</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/roll.py" line="221"/>
        <source>in</source>
        <translation>dentro</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="29"/>
        <source>Age at the current conviction (derived)</source>
        <translation>Idade na condenação atual (calculada)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="30"/>
        <source>Age at the first sanction (derived)</source>
        <translation>Idade na primeira sanção (calculada)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="31"/>
        <source>Age at assessment (derived)</source>
        <translation>Idade na avaliação (calculada)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="32"/>
        <source>Previous sanctions counted (capped at 50, derived)</source>
        <translation>Sanções anteriores contadas (máximo 50, calculado)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="35"/>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="36"/>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="73"/>
        <source>Band</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="93"/>
        <source>Main contributing factor</source>
        <translation>Principal fator contributivo</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="94"/>
        <source>Effect</source>
        <translation>Efeito</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="97"/>
        <source>Main contributing factors</source>
        <translation>Principais fatores contributivos</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="99"/>
        <source>Input used</source>
        <translation>Dado utilizado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="100"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="102"/>
        <source>Inputs used</source>
        <translation>Dados utilizados</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="104"/>
        <source>Need area</source>
        <translation>Área de necessidade</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="105"/>
        <source>Level</source>
        <translation>Nível</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="106"/>
        <source>Score</source>
        <translation>Pontuação</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="108"/>
        <source>Needs profile</source>
        <translation>Perfil de necessidades</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="116"/>
        <source>Limits of this result</source>
        <translation>Limites deste resultado</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="123"/>
        <source>Main contributing factors:</source>
        <translation>Principais fatores contributivos:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="127"/>
        <source>Inputs used:</source>
        <translation>Dados utilizados:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="134"/>
        <source>Your decision</source>
        <translation>A sua decisão</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="136"/>
        <source>I &amp;agree with this band</source>
        <translation>&amp;Concordo com este nível</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="138"/>
        <source>I &amp;override it: the score does not fit this case (disregard the score)</source>
        <translation>&amp;Não concordo: a pontuação não se aplica a este caso (ignorar a pontuação)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="146"/>
        <location filename="../../app/ui/assessment/score_panel.py" line="196"/>
        <source>Your own band</source>
        <translation>O seu próprio nível</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="147"/>
        <source>Choose your own band</source>
        <translation>Escolha o seu próprio nível</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="152"/>
        <location filename="../../app/ui/assessment/score_panel.py" line="195"/>
        <source>Reason for your decision</source>
        <translation>Motivo da sua decisão</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="153"/>
        <source>Why you agree or, for an override, why the score does not fit (required for an override)</source>
        <translation>Porque concorda ou, se não concordar, porque a pontuação não se aplica (obrigatório se não concordar)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="157"/>
        <source>&amp;Record my decision</source>
        <translation>&amp;Registar a minha decisão</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="168"/>
        <source>Your own &amp;band:</source>
        <translation>O seu próprio &amp;nível:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="172"/>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="197"/>
        <source>Decision</source>
        <translation>Decisão</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="212"/>
        <source>No decision recorded yet. The score has no effect until you record yours.</source>
        <translation>Ainda não há decisão registada. A pontuação não tem efeito até registar a sua.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="217"/>
        <source>Recorded: %1 agreed with the band on %2.</source>
        <translation>Registado: %1 concordou com o nível em %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="220"/>
        <source>Recorded: %1 overrode the score on %2, with their own band %3. Reason: %4</source>
        <translation>Registado: %1 não seguiu a pontuação em %2, com o seu próprio nível %3. Motivo: %4</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="241"/>
        <source>Band: %1</source>
        <translation>Nível: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="248"/>
        <source>Estimated proven reoffending: %1% within one year, %2% within two years.</source>
        <translation>Reincidência comprovada estimada: %1% num ano, %2% em dois anos.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="252"/>
        <source>Model %1 version %2 (SHA-256 %3…)</source>
        <translation>Modelo %1 versão %2 (SHA-256 %3…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="258"/>
        <source>This score supports and never replaces your judgement. Record your own decision below; you may disregard the score where it does not fit the case.</source>
        <translation>Esta pontuação apoia e nunca substitui o seu juízo. Registe abaixo a sua própria decisão; pode ignorar a pontuação quando não se aplica ao caso.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="262"/>
        <source>This score supports and never replaces your judgement. You may disregard it where it does not fit the case.</source>
        <translation>Esta pontuação apoia e nunca substitui o seu juízo. Pode ignorá-la quando não se aplica ao caso.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="266"/>
        <source>This is a structured professional judgement: your rating and its written rationale are the result. No statistical score is computed.</source>
        <translation>Este é um juízo profissional estruturado: a sua classificação e a fundamentação escrita são o resultado. Não é calculada nenhuma pontuação estatística.</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="290"/>
        <source>Priorities for the sentence plan: %1</source>
        <translation>Prioridades para o plano individual: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="292"/>
        <source>none at or above the priority level</source>
        <translation>nenhuma no nível de prioridade ou acima</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="299"/>
        <source>What this result cannot tell you</source>
        <translation>O que este resultado não lhe pode dizer</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="313"/>
        <source>rationale: %1</source>
        <translation>fundamentação: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="314"/>
        <source>present</source>
        <translation>presente</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="317"/>
        <source>raises the estimate (%1)</source>
        <translation>sobe a estimativa (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="319"/>
        <source>lowers the estimate (%1)</source>
        <translation>baixa a estimativa (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/assessment/score_panel.py" line="320"/>
        <source>adds %1</source>
        <translation>acrescenta %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/ui/settings.py" line="57"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="60"/>
        <source>Lock after (minutes idle)</source>
        <translation>Bloquear após (minutos sem uso)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings.py" line="62"/>
        <source>Sync every (minutes)</source>
        <translation>Sincronizar a cada (minutos)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings_page.py" line="28"/>
        <location filename="../../app/ui/settings_page.py" line="32"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="41"/>
        <source>&amp;Save settings</source>
        <translation>&amp;Guardar definições</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="46"/>
        <source>The screen locks after at most 30 minutes without use.</source>
        <translation>O ecrã bloqueia após, no máximo, 30 minutos sem uso.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="78"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="227"/>
        <source>Open the rejected changes (Ctrl+Shift+R)</source>
        <translation>Abrir as alterações rejeitadas (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="230"/>
        <source>First sync progress</source>
        <translation>Progresso da primeira sincronização</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="234"/>
        <location filename="../../app/ui/sync_indicator.py" line="235"/>
        <source>Sync now</source>
        <translation>Sincronizar agora</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="236"/>
        <source>Sync now (F5)</source>
        <translation>Sincronizar agora (F5)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="254"/>
        <source>● Online</source>
        <translation>● Com ligação</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="256"/>
        <source>○ Offline (no sync server yet)</source>
        <translation>○ Sem ligação (ainda sem servidor)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="258"/>
        <source>○ Offline</source>
        <translation>○ Sem ligação</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="260"/>
        <source>Last sync: …</source>
        <translation>Última sincronização: …</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="262"/>
        <source>Last sync: %1</source>
        <translation>Última sincronização: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="263"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="264"/>
        <source>%Ln change(s) to send</source>
        <translation>
            <numerusform>%Ln alteração por enviar</numerusform>
            <numerusform>%Ln alterações por enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="265"/>
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflito</numerusform>
            <numerusform>%Ln conflitos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_indicator.py" line="266"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rejeitada</numerusform>
            <numerusform>%Ln rejeitadas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="272"/>
        <source>Sync status</source>
        <translation>Estado da sincronização</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_indicator.py" line="280"/>
        <source>Last sync stopped: %1</source>
        <translation>A última sincronização parou: %1</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="37"/>
        <source>Book a visit</source>
        <translation>Marcar uma visita</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="42"/>
        <source>A&amp;pprove this visitor</source>
        <translation>A&amp;provar este visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="51"/>
        <source>Add to the &amp;visitor list</source>
        <translation>Adicionar à lista de &amp;visitantes</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="60"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="67"/>
        <source>V&amp;isitor:</source>
        <translation>V&amp;isitante:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="68"/>
        <source>New visitor&apos;s &amp;first name:</source>
        <translation>&amp;Nome próprio do novo visitante:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="69"/>
        <source>New visitor&apos;s &amp;last name:</source>
        <translation>&amp;Apelido do novo visitante:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="70"/>
        <source>&amp;Relationship:</source>
        <translation>&amp;Relação:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="71"/>
        <source>&amp;Starts at:</source>
        <translation>&amp;Começa às:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="72"/>
        <source>&amp;Length:</source>
        <translation>&amp;Duração:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="73"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="74"/>
        <source>&amp;Override reason:</source>
        <translation>&amp;Motivo da exceção:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="86"/>
        <source>&amp;Ban this visitor</source>
        <translation>&amp;Proibir este visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="89"/>
        <source>Lift the ba&amp;n</source>
        <translation>Levantar a proi&amp;bição</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="92"/>
        <source>Ban the chosen visitor</source>
        <translation>Proibir o visitante escolhido</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="94"/>
        <source>R&amp;eason:</source>
        <translation>Moti&amp;vo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="95"/>
        <source>Banned &amp;until:</source>
        <translation>Proibido a&amp;té:</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="96"/>
        <source>Ban</source>
        <translation>Proibição</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="123"/>
        <source>approved</source>
        <translation>aprovado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="123"/>
        <source>waiting for approval</source>
        <translation>a aguardar aprovação</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="124"/>
        <source>banned until %1</source>
        <translation>proibido até %1</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="209"/>
        <source>Visitor</source>
        <translation>Visitante</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="210"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="210"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="212"/>
        <source>Visits from today</source>
        <translation>Visitas a partir de hoje</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="214"/>
        <source>&amp;Took place</source>
        <translation>&amp;Realizou-se</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="217"/>
        <source>Visitor did &amp;not come</source>
        <translation>O visitante &amp;não veio</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="226"/>
        <source>Visits from today (book one from the person&apos;s record):</source>
        <translation>Visitas a partir de hoje (marque uma a partir do registo da pessoa):</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="241"/>
        <source>booked</source>
        <translation>marcada</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="241"/>
        <source>took place</source>
        <translation>realizou-se</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="242"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../../app/ui/workflows/visit.py" line="242"/>
        <source>did not come</source>
        <translation>não veio</translation>
    </message>
</context>
<context>
    <name>_NotYet</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="333"/>
        <source>This module&apos;s own screens are not in this version yet. Its records show on each person&apos;s profile (People, Ctrl+1).</source>
        <translation>Os ecrãs próprios deste módulo ainda não existem nesta versão. Os seus registos aparecem no perfil de cada pessoa (Pessoas, Ctrl+1).</translation>
    </message>
</context>
</TS>
