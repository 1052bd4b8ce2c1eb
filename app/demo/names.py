"""Name pools for realistic demo people (Portuguese, Spanish and English names,
with the diacritics real records have, so search folding is exercised)."""

FIRST_M = [
    "João", "José", "António", "Luís", "Pedro", "Tiago", "Rui", "Nuno", "Sérgio", "André",
    "Juan", "Javier", "Andrés", "Raúl", "Óscar", "Iván", "Jesús", "Álvaro", "Rubén", "Martín",
    "James", "John", "Robert", "Michael", "David", "Daniel", "Thomas", "Connor", "Liam", "Kieran",
    "Mohammed", "Ahmed", "Tomasz", "Piotr", "Mihai", "Andrzej", "Kwame", "Chidi", "Rhys", "Seán",
]
FIRST_F = [
    "Maria", "Ana", "Inês", "Beatriz", "Sofia", "Marta", "Joana", "Conceição", "Fátima", "Leonor",
    "María", "Lucía", "Elena", "Sofía", "Raquel", "Begoña", "Ainhoa", "Pilar", "Nuria", "Inés",
    "Sarah", "Emma", "Olivia", "Chloe", "Jessica", "Laura", "Hannah", "Siobhán", "Zoë", "Aoife",
    "Fatima", "Aisha", "Agnieszka", "Ioana", "Amara", "Chiamaka", "Eilidh", "Niamh", "Bethan", "Renée",
]
LAST = [
    "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Gonçalves",
    "Lopes", "Simões", "Araújo", "Magalhães", "Conceição", "Brandão", "Guimarães", "Ribeiro", "Fonseca",
    "García", "Fernández", "González", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Jiménez",
    "Muñoz", "Álvarez", "Núñez", "Ibáñez", "Peña", "Díaz", "Vázquez", "Domínguez", "Castaño",
    "Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Thomas", "Johnson", "Roberts",
    "Walker", "Wright", "O'Brien", "MacDonald", "Murphy", "Kelly", "Byrne", "Ó Súilleabháin",
    "Khan", "Ahmed", "Hussain", "Nowak", "Kowalski", "Wiśniewski", "Popescu", "Ionescu", "Okafor",
    "Mensah", "Müller", "Schäfer", "Dubois", "Lefèvre", "Rossi", "Bianchi", "Nguyễn", "Øverby",
]
