/* model.h - data the user service passes around. */
#ifndef USERSERVICE_MODEL_H
#define USERSERVICE_MODEL_H

typedef struct user_record {
    long id;
    char name[64];
    char email[96];
} user_record;

typedef struct user_profile {
    long id;
    char display_name[64];
    long karma;
} user_profile;

#endif /* USERSERVICE_MODEL_H */
