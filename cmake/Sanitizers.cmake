# ISMS_SANITIZE=address;undefined (the dev preset) or thread (the tsan preset).
if(ISMS_SANITIZE)
  list(JOIN ISMS_SANITIZE "," _isms_san)
  add_compile_options(-fsanitize=${_isms_san} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_isms_san})
endif()
